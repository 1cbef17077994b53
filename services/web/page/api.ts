/** Talks to Tayari's HTTP API with the person's token; commands are retried safely (same Idempotency-Key). */
import type { BatchAnswer, BatchRequest } from '@tayari/shared/contract/batchRequest';
import { SAVED_AT_HEADER } from './offlineNames';

export interface CommandAnswer {
  id: string;
  version: number;
  position: string;
}

export type SendResult =
  | { kind: 'ok'; answer: CommandAnswer }
  /** 412; `version` is the one the thing has now (from the ETag). */
  | { kind: 'conflict'; version?: number }
  | { kind: 'unauthorized' }
  | { kind: 'forbidden'; detail: string }
  | { kind: 'refused'; status: number; detail: string; errors: FieldError[]; type?: string }
  /** Not sent, or not known to have landed: `network` when the network failed (the caller queues it). */
  | { kind: 'failed'; network: boolean };

/** The answer to a batch: the per-item results, or why there are none. */
export type BatchSent = { kind: 'answered'; answer: BatchAnswer } | { kind: 'network' } | { kind: 'status'; status: number };

/** A board or list read; `savedAt` when the service worker answered from what was kept (offline). */
export interface Read<T> {
  body: T;
  savedAt?: Date;
}

/**
 * The token requests go with, and what to do when the server refuses it (session/Session.ts):
 * `renewed` when a fresh token is in place (the request is tried again once), `ended` when the person
 * must sign in again, `unreachable` when the renewal could not reach the server.
 */
export interface TokenSource {
  readonly token: string;
  /** `reason` is the problem type of the 401 (`token-stale`, `access-revoked`, …); `used` the token it refused. */
  recover(reason: string, used: string): Promise<'renewed' | 'ended' | 'unreachable'>;
}

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

export interface Problem {
  detail: string;
  errors: FieldError[];
  type?: string;
}

const isFieldError = (value: unknown): value is FieldError =>
  typeof value === 'object' && value !== null && typeof (value as FieldError).path === 'string' && typeof (value as FieldError).message === 'string';

/** The problem+json answer of a refusal: its detail (else title, else status text) and field errors. */
export async function problemOf(response: Response): Promise<Problem> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null) {
      const { detail, title, errors, type } = body as { detail?: unknown; title?: unknown; errors?: unknown; type?: unknown };
      const fields = Array.isArray(errors) ? errors.filter(isFieldError) : [];
      const rule = typeof type === 'string' ? { type: type.replace(/^\/problems\//, '') } : {};
      if (typeof detail === 'string' && detail) return { detail, errors: fields, ...rule };
      if (typeof title === 'string' && title) return { detail: title, errors: fields, ...rule };
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
    private readonly auth: TokenSource,
    /** Called when the server refuses the token for good (revoked, expired and not renewable), with the problem type. */
    private readonly onUnauthorized: (reason: string) => void,
  ) {}

  /**
   * One request with the current token; a 401 is handed to the token source once (a token made before
   * a role change is renewed and the request tried again), and told to onUnauthorized when it stays.
   * Throws a TypeError when a renewal could not reach the server, as a network failure does.
   */
  private async fetchOnce(path: string, init: RequestInit): Promise<Response> {
    const used = this.auth.token;
    const response = await this.fetchWith(used, path, init);
    if (response.status !== 401) return response;
    const reason = (await problemOf(response.clone())).type ?? 'unauthorized';
    const outcome = await this.auth.recover(reason, used);
    if (outcome === 'unreachable') throw new TypeError('the sign-in could not be renewed');
    const again = outcome === 'renewed' ? await this.fetchWith(this.auth.token, path, init) : response;
    if (again.status === 401) this.onUnauthorized(outcome === 'renewed' ? ((await problemOf(again.clone())).type ?? 'unauthorized') : reason);
    return again;
  }

  private async fetchWith(token: string, path: string, init: RequestInit): Promise<Response> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), ATTEMPT_TIMEOUT_MS);
    try {
      return await fetch(path, {
        ...init,
        signal: abort.signal,
        cache: 'no-store',
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...init.headers },
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** A read; throws HttpError (or the network's TypeError) so the caller decides when to try again. */
  async get<T>(path: string): Promise<T> {
    return (await this.read<T>(path)).body;
  }

  /** A read that also tells whether it came from what the service worker kept, and of when. */
  async read<T>(path: string): Promise<Read<T>> {
    const response = await this.fetchOnce(path, { method: 'GET' });
    if (!response.ok) throw new HttpError(response.status, await problemDetail(response));
    const saved = response.headers.get(SAVED_AT_HEADER);
    const body = (await response.json()) as T;
    return saved ? { body, savedAt: new Date(saved) } : { body };
  }

  /** The offline queue as one request (SPEC v2, "the field"): tried once; the queue decides when to try again. */
  async batch(request: BatchRequest): Promise<BatchSent> {
    let response: Response;
    try {
      response = await this.fetchOnce('/api/commands/batch', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
    } catch {
      return { kind: 'network' };
    }
    if (response.status !== 200 && response.status !== 207) return { kind: 'status', status: response.status };
    return { kind: 'answered', answer: (await response.json()) as BatchAnswer };
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
        if (response.status === 412) {
          const version = Number(response.headers.get('ETag')?.replace(/^(W\/)?"|"$/g, ''));
          return Number.isInteger(version) ? { kind: 'conflict', version } : { kind: 'conflict' };
        }
        if (response.status === 401) return { kind: 'unauthorized' };
        if (response.status === 403) return { kind: 'forbidden', detail: await problemDetail(response) };
        if (!retryable(response.status)) return { kind: 'refused', status: response.status, ...(await problemOf(response)) };
        wait = retryAfterMs(response);
      } catch {
        // A network error or a timeout: it may or may not have landed. The caller keeps it in the
        // offline queue (same key, so the resend is safe) rather than making the person wait here.
        return { kind: 'failed', network: true };
      }
      // No delay left for this attempt: the retries are used up.
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) return { kind: 'failed', network: false };
      options.onRetry?.(attempt + 1);
      await sleep(wait ?? delay + Math.random() * 250);
    }
  }
}
