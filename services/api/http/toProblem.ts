import type { ZodError } from 'zod';
import { ConcurrencyError, DomainError, InvalidCommand, RuleViolation } from '@tayari/shared/common/errors';
import { Forbidden } from '@tayari/shared/access/Forbidden';
import { InvalidBody } from '@tayari/shared/application/InvalidBody';
import { HttpProblem, problem, type Problem } from './Problem';

const STATUS_OF_KIND = { invalid: 400, 'not-found': 404, conflict: 409, concurrency: 412, unprocessable: 422 } as const;

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Zod issues → `errors[]`, one per field; unknown keys are listed one by one. */
function validationProblem(error: ZodError): Problem {
  const errors = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'unknown field' }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );
  const rules = new Set(
    error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') return 'unknown-field';
      const params = issue.code === 'custom' ? issue.params : undefined;
      return typeof params?.rule === 'string' ? params.rule : 'invalid-body';
    }),
  );
  const rule = (rules.size === 1 ? [...rules][0] : undefined) ?? 'invalid-body';
  const detail = errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; ');
  return problem(400, rule, detail, errors);
}

interface BodyParserError {
  type?: string;
  status?: number;
}
const isClientStatus = (status: unknown) => typeof status === 'number' && status >= 400 && status < 500;
/** body-parser's errors; those of a body that does not inflate (zlib) carry a 4xx status but no `type`. */
const isBodyParserError = (e: unknown): e is BodyParserError =>
  typeof e === 'object' &&
  e !== null &&
  'expose' in e &&
  (typeof (e as { type?: unknown }).type === 'string' || isClientStatus((e as { status?: unknown }).status));

/** The one place where errors become problem+json. Unknown errors are 500 and logged by the caller. */
export function toProblem(error: unknown): { problem: Problem; headers: Record<string, string>; unexpected: boolean } {
  const plain = (p: Problem) => ({ problem: p, headers: {}, unexpected: false });
  if (error instanceof HttpProblem) return { problem: error.problem, headers: error.headers, unexpected: false };
  if (error instanceof InvalidBody) return plain(validationProblem(error.zodError));
  if (error instanceof InvalidCommand) {
    return plain(problem(400, error.rule, error.message, [{ path: pathOf(error.path), message: error.message }]));
  }
  if (error instanceof ConcurrencyError) {
    return { problem: problem(412, error.rule, error.message), headers: { ETag: `"${error.actual}"` }, unexpected: false };
  }
  if (error instanceof RuleViolation) return plain({ ...error.facts, ...problem(409, error.rule, error.message) });
  if (error instanceof DomainError) return plain(problem(STATUS_OF_KIND[error.kind], error.rule, error.message));
  if (error instanceof Forbidden) return plain(problem(403, error.rule, error.message));
  if (isBodyParserError(error)) {
    switch (error.type) {
      case 'entity.parse.failed':
        return plain(problem(400, 'malformed-json', 'the body is not valid JSON'));
      case 'entity.too.large':
        return plain(problem(413, 'body-too-large', 'the body is over the limit (64 KiB; 1 MiB for a batch)'));
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return plain(problem(415, 'unsupported-encoding', 'send UTF-8 JSON'));
      default:
        return plain(problem(error.status ?? 400, 'bad-request', error.type ?? 'the body could not be read (does it match its Content-Encoding?)'));
    }
  }
  // The router could not percent-decode a path parameter (e.g. /tours/%ZZ/cancel).
  if (error instanceof URIError && (error as { status?: unknown }).status === 400) {
    return plain(problem(400, 'malformed-path', 'the path is not valid percent-encoded UTF-8'));
  }
  if (error instanceof Error && error.name === 'StoreUnavailable') {
    return {
      problem: problem(503, 'store-unavailable', 'the event store cannot be reached; retry with the same Idempotency-Key'),
      headers: { 'Retry-After': '1' },
      unexpected: false,
    };
  }
  // The embedded store's disk (or its size cap) is full: nothing of the command was written, and a
  // retry will succeed once there is space. Logged (`unexpected`): a full disk needs an operator.
  if (error instanceof Error && error.name === 'StoreFull') {
    return {
      problem: problem(503, 'store-full', 'the event store is out of space; nothing was written; retry later with the same Idempotency-Key'),
      headers: { 'Retry-After': '30' },
      unexpected: true,
    };
  }
  return { problem: problem(500, 'internal', 'something went wrong; nothing was acknowledged'), headers: {}, unexpected: true };
}
