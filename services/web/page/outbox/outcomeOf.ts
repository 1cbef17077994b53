import type { BatchResult } from '@tayari/shared/contract/batchRequest';
import { stringField } from '../stringField';

/** What the server's answer to one queued change means for the person. */
export type Outcome =
  | { kind: 'saved'; position?: string }
  /** 412: the thing changed since it was seen; `version` is the one it has now. */
  | { kind: 'stale'; version?: number }
  | { kind: 'cancelled'; what: 'task' | 'duty' | 'programme' | 'stop' }
  /** `rule`: the problem type's last part (`duplicate-enrolment`), for the page to word it. */
  | { kind: 'refused'; detail: string; rule?: string }
  | { kind: 'forbidden' }
  /** Not this change's fault (5xx, 429, not attempted): keep it and send it again later. */
  | { kind: 'later' };

const CANCELLED: Record<string, 'task' | 'duty' | 'programme' | 'stop'> = {
  'task-cancelled': 'task',
  'responsibility-cancelled': 'duty',
  'programme-cancelled': 'programme',
  'stop-cancelled': 'stop',
};

/** The version in an ETag (`"3"`, `W/"3"`), if it holds one. */
export function versionOfEtag(etag: string | undefined): number | undefined {
  const match = etag?.match(/^(?:W\/)?"(\d+)"$/);
  return match ? Number(match[1]) : undefined;
}

/** Reads one batch result (the answer its own request would have had). */
export function outcomeOf(result: BatchResult): Outcome {
  const { status, body } = result;
  if (status >= 200 && status < 300) {
    const position = stringField(body, 'position');
    return position === undefined ? { kind: 'saved' } : { kind: 'saved', position };
  }
  if (status === 412) {
    const version = versionOfEtag(result.headers.etag);
    return version === undefined ? { kind: 'stale' } : { kind: 'stale', version };
  }
  if (status === 403) return { kind: 'forbidden' };
  if (status === 424 || status === 429 || status >= 500) return { kind: 'later' };
  const rule = stringField(body, 'type')?.replace(/^\/problems\//, '');
  const what = rule === undefined ? undefined : CANCELLED[rule];
  if (status === 409 && what) return { kind: 'cancelled', what };
  const detail = stringField(body, 'detail') ?? stringField(body, 'title') ?? String(status);
  return rule === undefined ? { kind: 'refused', detail } : { kind: 'refused', detail, rule };
}
