import { Application } from '@tayari/shared/application/Application';
import { ManualClock } from '@tayari/shared/common/clock';
import { RuleViolation } from '@tayari/shared/common/errors';
import { randomIdGenerator } from '@tayari/shared/common/ids';
import type { Keyring } from '@tayari/shared/common/Keyring';
import { driveAggregate } from '@tayari/shared/drives/driveAggregate';
import type { KeyVault } from '@tayari/shared/drives/vault/KeyVault';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import { DEMO_DRIVE, type DemoEnrolment, demoDrive } from './demoDrive';
import { demoPlan } from './demoPlan';
import { demoScript } from './demoScript';
import { demoTimes } from './demoTimes';
import { issueDemo } from './loadDemo';

export interface DemoDriveOptions {
  store: EventStore;
  vault: KeyVault;
  keys: Keyring;
  /** The demo's now: the drive was launched days before it. (A drive resumed keeps the now it was launched with.) */
  now: Date;
  /** About how many workers to enrol (default `DEMO_ENROLMENTS`: tests ask for fewer). Resuming needs the same. */
  size?: number | undefined;
  /**
   * Only finish a demo drive a restart left half-filled; launch none. For a store that was not empty:
   * it may hold real data, where a new demo drive has no business.
   */
  resumeOnly?: boolean | undefined;
  /**
   * How many enrolments the drive holds (the read side's count; may lag, never lead). A resumed drive
   * holding its planned count is left alone; without it, every enrolment is asked again (each done one refused).
   */
  enrolled?: (() => Promise<number>) | undefined;
  /** Stops enrolling (the service is closing). */
  signal?: AbortSignal | undefined;
}

/** How many enrolments are in flight at once: their key writes and appends share commits. */
const AT_ONCE = 200;

/**
 * The demo's enrolment drive (`demoDrive`): launched, then its made-up workers enrolled day by day
 * through the application, sealed as any enrolment is (the clock set to each day, so the per-day counts
 * read as a drive's do). Answers how many it enrolled. The service runs it after it answers (the
 * board fills live, as a district's burst would), so the first start does not wait for 23,000.
 *
 * A start stopped half-way is resumed by the next: enrolment, command and key ids derive from the
 * plan, so asking again is safe, and a phone enrolled already under the same id counts as done.
 * Settles only once no enrolment is in flight (the caller may then close the store and vault).
 */
export async function loadDemoDrive({ store, vault, keys, now, size, resumeOnly, enrolled, signal }: DemoDriveOptions): Promise<number> {
  // The demo's command ids go on after the demo script's: fixed by the script, whatever this start loaded.
  const after = demoScript(demoPlan(demoTimes(now))).length;
  const clock = new ManualClock(now);
  // Its own streams only (a new drive, new phones). The embedded store's lock makes this process the
  // only writer, so its folded states are the truth; on a shared store another process may write too.
  const app = new Application({ store, clock, ids: randomIdGenerator, vault, keys, exclusive: store.kind === 'sqlite' });
  const launched = await app.bus.load(driveAggregate, driveAggregate.stream(DEMO_DRIVE));
  let plan = demoDrive(now, size);
  const planned = plan.days.reduce((sum, day) => sum + day.enrolments.length, 0);
  if (launched.state === undefined) {
    if (resumeOnly === true) return 0;
    clock.set(plan.launchedAt);
    await issueDemo(app, { route: 'LaunchDrive', params: {}, body: plan.launch, actor: plan.launchedBy }, `demo-${after + 1}`);
  } else {
    // Closed (by an in-charge trying the demo): nothing more may enrol, and that is no failure.
    if (launched.state.closed || (enrolled !== undefined && (await enrolled()) >= planned)) return 0;
    // The plan as first made: the same days (inside the drive's window), from the now it was launched at.
    const ahead = Date.parse(plan.launch.endsAt) - now.getTime();
    plan = demoDrive(new Date(Date.parse(launched.state.endsAt) - ahead), size);
  }
  const driveId = plan.launch.id ?? DEMO_DRIVE;
  // Stops the other workers at the first refusal: none may go on writing once this has settled.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  if (signal?.aborted === true) stop.abort();
  signal?.addEventListener('abort', onAbort);
  let made = 0;
  let failure: { error: unknown } | undefined;
  try {
    let before = 0;
    for (const day of plan.days) {
      if (stop.signal.aborted) break;
      clock.set(day.at);
      let next = 0;
      const first = before;
      const enrol = async (enrolment: DemoEnrolment, i: number) => {
        const call = { route: 'EnrolWorker', params: { driveId }, body: enrolment.body, actor: enrolment.actor };
        if (await issueOnce(app, call, `demo-${after + 2 + first + i}`)) made += 1;
      };
      // A sliding window within the day, not chunks: the store is never left waiting for a chunk's slowest.
      const workers = await Promise.allSettled(
        Array.from({ length: AT_ONCE }, async () => {
          for (let i = next++; i < day.enrolments.length && !stop.signal.aborted; i = next++) {
            const enrolment = day.enrolments[i];
            if (enrolment === undefined) continue;
            try {
              await enrol(enrolment, i);
            } catch (error) {
              failure ??= { error };
              stop.abort();
            }
          }
        }),
      );
      for (const worker of workers) if (worker.status === 'rejected') failure ??= { error: worker.reason };
      before += day.enrolments.length;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (failure !== undefined) throw failure.error;
  return made;
}

/**
 * Issues one demo enrolment; false when it was done already (a resumed load): the phone is enrolled
 * under this very id. Any other refusal is the demo's bug, thrown.
 */
async function issueOnce(app: Application, call: Parameters<typeof issueDemo>[1], commandId: string): Promise<boolean> {
  try {
    await issueDemo(app, call, commandId);
    return true;
  } catch (error) {
    const refusal = error instanceof Error ? error.cause : undefined;
    const id = typeof call.body === 'object' && call.body !== null && 'id' in call.body ? call.body.id : undefined;
    if (refusal instanceof RuleViolation && refusal.rule === 'duplicate-enrolment' && refusal.facts.enrolmentId === id) return false;
    throw error;
  }
}
