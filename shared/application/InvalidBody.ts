import type { ZodError } from 'zod';

/** A request body that failed its schema (400); other ZodErrors are our own bugs (500). */
export class InvalidBody extends Error {
  constructor(readonly zodError: ZodError) {
    super(zodError.message);
    this.name = 'InvalidBody';
  }
}
