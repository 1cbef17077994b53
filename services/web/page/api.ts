/** Talks to Tayari's HTTP API with the person's token; commands are retried safely (same Idempotency-Key). */

export interface CommandAnswer {
  id: string;
  version: number;
  position: string;
}

export type SendResult =
  | { kind: 'ok'; answer: CommandAnswer }
  | { kind: 'conflict' }
  | { kind: 'unauthorized' }
  | { kind: 'forbidden'; detail: string }
  | { kind: 'refused'; status: number; detail: string; errors: FieldError[] }
  | { kind: 'failed' };

/** A validation error of one field (problem+json `errors[]`; `path` is dotted, '' for the body). */
export interface FieldError {
  path: string;
  message: string;
}

export interface SendOptions {
  /** Made once per user action; the same key goes with every retry so the server applies it once. */
  key: string;
  /** The version the person saw; the server answers 412 when the thing has changed since. */
  ifMatch?: number;
  /** Told before each retry, so the page can say it is trying again. */
  onRetry?: (attempt: number) => void;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`HTTP ${status}: ${detail}`);
  }
}

const RETRY_DELAYS_MS = [400, 1000, 2000, 4000, 8000];
const ATTEMPT_TIMEOUT_MS = 15_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After in seconds (the only form Tayari sends), capped so a button never hangs for long. */
function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) * 1000 : undefined;
}

interface Problem {
  detail: string;
  errors: FieldError[];
}

const isFieldError = (value: unknown): value is FieldError =>
  typeof value === 'object' && value !== null && typeof (value as FieldError).path === 'string' && typeof (value as FieldError).message === 'string';

/** The problem+json answer of a refusal: its detail (else title, else status text) and field errors. */
async function problemOf(response: Response): Promise<Problem> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null) {
      const { detail, title, errors } = body as { detail?: unknown; title?: unknown; errors?: unknown };
      const fields = Array.isArray(errors) ? errors.filter(isFieldError) : [];
      if (typeof detail === 'string' && detail) return { detail, errors: fields };
      if (typeof title === 'string' && title) return { detail: title, errors: fields };
    }
  } catch {
    // not JSON: fall back to the status text
  }
  return { detail: response.statusText || String(response.status), errors: [] };
}

const problemDetail = async (response: Response) => (await problemOf(response)).detail;

const retryable = (status: number) => status === 429 || status >= 500;

export class ApiClient {
  constructor(
    private readonly token: string,
    /** Called when the server refuses the token (expired, or signed with another secret). */
    private readonly onUnauthorized: () => void,
  ) {}

  private async fetchOnce(path: string, init: RequestInit): Promise<Response> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), ATTEMPT_TIMEOUT_MS);
    try {
      return await fetch(path, {
        ...init,
        signal: abort.signal,
        cache: 'no-store',
        headers: { Accept: 'application/json', Authorization: `Bearer ${this.token}`, ...init.headers },
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** A read; throws HttpError (or the network's TypeError) so the caller decides when to try again. */
  async get<T>(path: string): Promise<T> {
    const response = await this.fetchOnce(path, { method: 'GET' });
    if (response.status === 401) this.onUnauthorized();
    if (!response.ok) throw new HttpError(response.status, await problemDetail(response));
    return (await response.json()) as T;
  }

  /** A command: retried with backoff on network errors, 5xx and 429, always with the same key. */
  async send(path: string, body: object, options: SendOptions): Promise<SendResult> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': options.key };
    if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
    const payload = JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      let wait: number | undefined;
      try {
        const response = await this.fetchOnce(path, { method: 'POST', headers, body: payload });
        if (response.ok) return { kind: 'ok', answer: (await response.json()) as CommandAnswer };
        if (response.status === 412) return { kind: 'conflict' };
        if (response.status === 401) {
          this.onUnauthorized();
          return { kind: 'unauthorized' };
        }
        if (response.status === 403) return { kind: 'forbidden', detail: await problemDetail(response) };
        if (!retryable(response.status)) return { kind: 'refused', status: response.status, ...(await problemOf(response)) };
        wait = retryAfterMs(response);
      } catch {
        // A network error or a timeout: the command may or may not have landed; the key makes a retry safe.
      }
      if (attempt >= RETRY_DELAYS_MS.length) return { kind: 'failed' };
      options.onRetry?.(attempt + 1);
      await sleep(wait ?? RETRY_DELAYS_MS[attempt] + Math.random() * 250);
    }
  }
}
