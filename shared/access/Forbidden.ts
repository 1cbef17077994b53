/** The actor may not do this (403); named after the permission it lacks. */
export class Forbidden extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'Forbidden';
  }
}
