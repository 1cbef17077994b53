/** An RFC 9457 problem: `type` names the rule that refused the request. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
  /** RFC 9457 extension members: facts of the refusal a client acts on (e.g. `enrolmentId`). */
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  424: 'Failed dependency',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

export function problem(status: number, rule: string, detail: string, errors?: Problem['errors']): Problem {
  return { type: `/problems/${rule}`, title: TITLES[status] ?? 'Error', status, detail, ...(errors ? { errors } : {}) };
}

/** Thrown anywhere in the HTTP layer to answer with a given problem. */
export class HttpProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
    this.name = 'HttpProblem';
  }
}
