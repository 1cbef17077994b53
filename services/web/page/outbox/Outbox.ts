import { MAX_BATCH_ITEMS } from '@tayari/shared/contract/batchLimits';
import type { ApiClient } from '../api';
import { comparePositions } from '../comparePositions';
import { batchOf } from './batchOf';
import { isEnrolment } from './isEnrolment';
import { outcomeOf } from './outcomeOf';
import type { QueueDb } from './queueDb';
import type { QueuedChange } from './QueuedChange';
import { readCurrent } from './readCurrent';
import type { Report, Settled } from './Report';
import { staleVerdict } from './staleVerdict';

/** A change as a view makes it; the outbox adds who made it and its place in the queue. */
export type NewChange = Omit<QueuedChange, 'by' | 'seq'>;

/** Rounds of one flush: the first send, and resends of changes a 412 did not really touch. */
const ROUNDS = 3;

/**
 * The offline queue: what a person did while offline or while a send failed, kept in IndexedDB
 * (openQueueDb) until the server answered it, and sent as one batch (SPEC v2, "the field"). Each
 * change keeps the Idempotency-Key made when the person acted, so a resend after a lost answer
 * applies nothing twice.
 */
export class Outbox {
  private changes: QueuedChange[] = [];
  private readonly settledByTarget = new Map<string, Settled>();
  private lastRound: Settled[] = [];
  private sending = false;
  /** Asked to send while a send was on its way: once it ends, send again (what it could not send may go now). */
  private again = false;
  private readonly listeners = new Set<() => void>();
  private readonly db: Promise<QueueDb>;
  readonly ready: Promise<void>;

  constructor(
    private readonly api: ApiClient,
    private readonly by: string,
    db: Promise<QueueDb>,
    /** Told the newest position the server saved a change at, so boards can be read up to it. */
    private readonly onSaved: (position: string) => void,
  ) {
    this.db = db;
    this.ready = db.then(async (store) => {
      this.changes = (await store.all()).filter((change) => change.by === by).sort((a, b) => a.seq - b.seq);
      this.notify();
    });
  }

  get waiting(): number {
    return this.changes.length;
  }

  get busy(): boolean {
    return this.sending;
  }

  /** What the last send settled (saved, conflicted, refused), in the order the person acted. */
  get recent(): readonly Settled[] {
    return this.lastRound;
  }

  /** Queued enrolments: they hold workers' names and phones (sign-out asks before dropping them). */
  get enrolments(): number {
    return this.changes.filter(isEnrolment).length;
  }

  /** Drops the queued enrolments here and from IndexedDB, so no name or phone stays on the device. */
  async dropEnrolments(): Promise<void> {
    await this.ready;
    const dropped = this.changes.filter(isEnrolment);
    this.changes = this.changes.filter((change) => !isEnrolment(change));
    const db = await this.db;
    for (const change of dropped) await db.remove(change.key);
    this.notify();
  }

  pendingFor(id: string): number {
    return this.changes.filter((change) => change.target?.id === id).length;
  }

  /** The last settled change about a task or duty, to say on its card. */
  settledFor(id: string): Settled | undefined {
    return this.settledByTarget.get(id);
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  async add(change: NewChange): Promise<void> {
    await this.ready;
    const seq = Math.max(0, ...this.changes.map((c) => c.seq)) + 1;
    const queued: QueuedChange = { ...change, by: this.by, seq };
    await (await this.db).put(queued);
    this.changes.push(queued);
    if (change.target) this.settledByTarget.delete(change.target.id);
    this.notify();
  }

  /** Sends the queue as one batch (at most 200 at a time); what is not answered stays for the next time. */
  async flush(): Promise<void> {
    await this.ready;
    if (this.sending) {
      this.again = true;
      return;
    }
    if (this.changes.length === 0) return;
    this.sending = true;
    this.notify();
    const round: Settled[] = [];
    let newest: string | undefined;
    try {
      let batch = this.changes.slice(0, MAX_BATCH_ITEMS);
      for (let pass = 0; pass < ROUNDS && batch.length > 0; pass++) {
        const sent = await this.api.batch(batchOf(batch));
        if (sent.kind !== 'answered') break;
        const again: QueuedChange[] = [];
        for (const [index, change] of batch.entries()) {
          const result = sent.answer.results[index];
          if (!result) continue;
          const outcome = outcomeOf(result);
          if (outcome.kind === 'later') continue;
          if (outcome.kind === 'saved' && outcome.position && (!newest || comparePositions(outcome.position, newest) > 0)) newest = outcome.position;
          const next = outcome.kind === 'stale' ? await this.restale(change, outcome.version) : reportOf(outcome);
          if (next === undefined) continue;
          if ('key' in next) {
            again.push(next);
            await this.keep(next);
          } else await this.settle(change, next, round);
        }
        batch = again;
      }
    } finally {
      this.sending = false;
      if (round.length > 0) this.lastRound = round;
      if (newest) this.onSaved(newest);
      this.notify();
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    }
  }

  /**
   * A 412: reads the thing again and either answers the change to resend (at the version it has now)
   * or the conflict to report. Undefined when it cannot be read now (it stays queued).
   */
  private async restale(change: QueuedChange, version: number | undefined): Promise<QueuedChange | Report | undefined> {
    if (!change.target) return { kind: 'conflict', now: undefined };
    let verdict: ReturnType<typeof staleVerdict>;
    try {
      verdict = staleVerdict(change.aspect, await readCurrent(this.api, change.target, version));
    } catch {
      return undefined;
    }
    if (verdict.kind === 'conflict') return { kind: 'conflict', field: verdict.field, now: verdict.now };
    // Gone from the board: sent again at the version the 412 named, the server says why (cancelled).
    const at = verdict.kind === 'resend' ? verdict.version : version;
    if (at === undefined) return { kind: 'cancelled', what: change.target.kind };
    return { ...change, ifMatch: at };
  }

  private async keep(change: QueuedChange): Promise<void> {
    this.changes = this.changes.map((c) => (c.key === change.key ? change : c));
    await (await this.db).put(change);
  }

  private async settle(change: QueuedChange, report: Report, round: Settled[]): Promise<void> {
    const settled = { change, report };
    round.push(settled);
    if (change.target) this.settledByTarget.set(change.target.id, settled);
    this.changes = this.changes.filter((c) => c.key !== change.key);
    await (await this.db).remove(change.key);
  }
}

function reportOf(outcome: ReturnType<typeof outcomeOf>): Report | undefined {
  switch (outcome.kind) {
    case 'saved':
      return { kind: 'saved' };
    case 'cancelled':
      return { kind: 'cancelled', what: outcome.what };
    case 'refused':
      return outcome.rule === undefined ? { kind: 'refused', detail: outcome.detail } : { kind: 'refused', detail: outcome.detail, rule: outcome.rule };
    case 'forbidden':
      return { kind: 'forbidden' };
    case 'stale':
    case 'later':
      return undefined;
  }
}
