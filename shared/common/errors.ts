/**
 * Domain errors are typed here and turned into problem+json only at the HTTP edge.
 * Each carries the rule it enforces, which becomes the problem `type`.
 */
export type ErrorKind = 'invalid' | 'not-found' | 'conflict' | 'concurrency' | 'unprocessable';

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The current state refuses the command (409). `facts`: what a client needs to act on the refusal
 * (e.g. the enrolment a duplicate phone already has), sent as problem extension members.
 */
export class RuleViolation extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(
    rule: string,
    message: string,
    readonly facts: Readonly<Record<string, string>> = {},
  ) {
    super(rule, message);
  }
}

/** The command is wrong on its own, whatever the state (400). */
export class InvalidCommand extends DomainError {
  readonly kind = 'invalid' as const;
  constructor(
    rule: string,
    message: string,
    readonly path: (string | number)[] = [],
  ) {
    super(rule, message);
  }
}

/** Something named in the path or body does not exist (404). */
export class NotFound extends DomainError {
  readonly kind = 'not-found' as const;
}

/** The request is well formed but cannot be taken as sent (422), e.g. an Idempotency-Key reused for another request. */
export class Unprocessable extends DomainError {
  readonly kind = 'unprocessable' as const;
}

/** The stream is not at the expected version (412 when the client asked, else retried). */
export class ConcurrencyError extends DomainError {
  readonly kind = 'concurrency' as const;
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super('version-mismatch', `stream ${streamId} is at version ${actual}, expected ${expected}`);
  }
}

/**
 * The store could not be reached or did not answer in time (503 at the HTTP edge). Nothing is known
 * about whether a write took effect, so callers retry with the same event ids (see eventId.ts).
 */
export class StoreUnavailable extends Error {
  constructor(message: string, cause?: unknown) {
    // ErrorOptions keeps the client's error as the standard `cause` without redeclaring the field.
    super(message, { cause });
    this.name = 'StoreUnavailable';
  }
}
