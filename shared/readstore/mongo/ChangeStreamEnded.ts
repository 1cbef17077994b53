/**
 * The checkpoints' change stream was ended by the server: the collection or its database was dropped
 * or renamed (an `invalidate` follows each). Its resume token is useless now; the watcher reads the
 * checkpoints afresh and watches again.
 */
export class ChangeStreamEnded extends Error {
  constructor(readonly operationType: string) {
    super(`the checkpoints change stream ended: ${operationType}`);
    this.name = 'ChangeStreamEnded';
  }
}
