import type { ApiClient, SendResult } from '../api';
import type { NewChange, Outbox } from './Outbox';
import { readCurrent } from './readCurrent';
import type { Report } from './Report';
import { staleVerdict } from './staleVerdict';

/** A direct send's end: the API's answer, kept for later (offline), or settled by meaning (a real conflict, a cancelled task). */
export type Sent = SendResult | { kind: 'queued' } | { kind: 'settled'; report: Report };

const CANCELLED: Record<string, 'task' | 'duty' | 'programme' | 'stop'> = {
  'task-cancelled': 'task',
  'responsibility-cancelled': 'duty',
  'programme-cancelled': 'programme',
  'stop-cancelled': 'stop',
};

/**
 * Sends one change now when the browser is online, else keeps it in the outbox; a send that fails
 * for a network reason is kept too (same key). A 412 is judged by meaning, as the outbox does: the
 * thing is read again and the change resent once when what it depends on is as the person saw it.
 */
export async function sendOrQueue(api: ApiClient, outbox: Outbox, change: NewChange, onRetry: () => void): Promise<Sent> {
  if (navigator.onLine === false) {
    await outbox.add(change);
    return { kind: 'queued' };
  }
  const send = (ifMatch: number | undefined) => api.send(change.path, change.body, { key: change.key, ...(ifMatch === undefined ? {} : { ifMatch }), onRetry });
  let result = await send(change.ifMatch);
  if (result.kind === 'conflict' && change.target) {
    let verdict: ReturnType<typeof staleVerdict>;
    try {
      verdict = staleVerdict(change.aspect, await readCurrent(api, change.target, result.version));
    } catch {
      return result;
    }
    if (verdict.kind === 'conflict') return { kind: 'settled', report: { kind: 'conflict', field: verdict.field, now: verdict.now } };
    const at = verdict.kind === 'resend' ? verdict.version : result.version;
    if (at === undefined) return { kind: 'settled', report: { kind: 'cancelled', what: change.target.kind } };
    result = await send(at);
  }
  if (result.kind === 'failed') {
    await outbox.add(change);
    return { kind: 'queued' };
  }
  const what = result.kind === 'refused' && result.status === 409 && result.type ? CANCELLED[result.type] : undefined;
  if (what) return { kind: 'settled', report: { kind: 'cancelled', what } };
  return result;
}
