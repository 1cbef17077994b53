import { Application } from '@tayari/shared/application/Application';
import { ManualClock } from '@tayari/shared/common/clock';
import { randomIdGenerator } from '@tayari/shared/common/ids';
import type { Keyring } from '@tayari/shared/common/Keyring';
import type { KeyVault } from '@tayari/shared/drives/vault/KeyVault';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import { demoDrive } from './demoDrive';
import { issueDemo } from './loadDemo';

export interface DemoDriveOptions {
  store: EventStore;
  vault: KeyVault;
  keys: Keyring;
  /** The demo's now: the drive was launched days before it. */
  now: Date;
  /** Command ids go on from `demo-<after + 1>` (after the demo's programmes). */
  after: number;
  /** About how many workers to enrol (default `DEMO_ENROLMENTS`: tests ask for fewer). */
  size?: number | undefined;
  /** Stops enrolling (the service is closing). */
  signal?: AbortSignal | undefined;
}

/** How many enrolments are in flight at once: their key writes and appends share commits. */
const AT_ONCE = 200;

/**
 * The demo's enrolment drive (`demoDrive`): launched, then its made-up workers enrolled day by day
 * through the application, sealed as any enrolment is (the clock set to each day, so the per-day counts
 * read as a drive's do). Answers how many were enrolled. The service runs it after it answers (the
 * board fills live, as a district's burst would), so the first start does not wait for 23,000.
 */
export async function loadDemoDrive({ store, vault, keys, now, after, size, signal }: DemoDriveOptions): Promise<number> {
  const plan = demoDrive(now, size);
  const clock = new ManualClock(plan.launchedAt);
  // Its own streams only (a new drive, new phones): the states this application folds are the truth.
  const app = new Application({ store, clock, ids: randomIdGenerator, vault, keys, exclusive: true });
  await issueDemo(app, { route: 'LaunchDrive', params: {}, body: plan.launch, actor: plan.launchedBy }, `demo-${after + 1}`);
  const driveId = plan.launch.id ?? '';
  let enrolled = 0;
  for (const day of plan.days) {
    clock.set(day.at);
    let next = 0;
    // A sliding window within the day, not chunks: the store is never left waiting for a chunk's slowest.
    await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        for (let i = next++; i < day.enrolments.length && signal?.aborted !== true; i = next++) {
          const enrolment = day.enrolments[i];
          if (enrolment === undefined) continue;
          await issueDemo(app, { route: 'EnrolWorker', params: { driveId }, body: enrolment.body, actor: enrolment.actor }, `demo-${after + 2 + enrolled + i}`);
        }
      }),
    );
    if (signal?.aborted === true) break;
    enrolled += day.enrolments.length;
  }
  return enrolled;
}
