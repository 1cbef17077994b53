import type { z } from 'zod';
import type { Actor } from '@tayari/shared/common/actor';
import type { EnrolWorkerBody, LaunchDriveBody } from '@tayari/shared/drives/commands';
import { DEMO_WINGS, INCHARGE, organiser, wingLead } from './demoActors';
import { demoWorker, DISTRICT_CODES } from './demoWorkers';

export const DEMO_DRIVE = 'shakti';
/** About how many workers the demo drive has enrolled. */
export const DEMO_ENROLMENTS = 23_000;

const DAY = 24 * 60 * 60 * 1000;
/** How long the drive has run, and how long it has left. */
const DAYS_RUN = 20;
const DAYS_LEFT = 3;

/** Bigger districts enrol more (Raipur, Bilaspur, Durg...): a weight per district, by its place in the list. */
const WEIGHTS = [3, 2, 2, 3, 2, 1, 5, 1, 2, 5, 2, 1, 3, 3, 2, 3, 1, 2, 4, 2, 3, 1, 1, 2, 1, 4, 6, 4, 2, 2, 1, 2, 3];
/** Enrolled ÷ target per district, in turn: below 1 is behind; a few (0.58, 0.66) will miss it. */
const PACE = [1.12, 0.95, 1.04, 0.58, 1.31, 0.87, 1.0, 1.21, 0.66, 1.08, 0.92, 1.17];

export interface DemoEnrolment {
  actor: Actor;
  body: z.input<typeof EnrolWorkerBody>;
}

/** The drive: `shakti`, across every district, launched `DAYS_RUN` days ago with `DAYS_LEFT` to go; `size` workers (about). */
export function demoDrive(
  now: Date,
  size = DEMO_ENROLMENTS,
): {
  launch: z.input<typeof LaunchDriveBody>;
  launchedAt: Date;
  launchedBy: Actor;
  days: { at: Date; enrolments: DemoEnrolment[] }[];
} {
  const started = new Date(now.getTime() - DAYS_RUN * DAY);
  const total = WEIGHTS.reduce((sum, w) => sum + w, 0);
  const counts = DISTRICT_CODES.map((_, i) => Math.round((size * (WEIGHTS[i] ?? 1)) / total));
  const targets = Object.fromEntries(
    DISTRICT_CODES.map((code, i) => [code, Math.max(1, Math.round((counts[i] ?? 0) / (PACE[i % PACE.length] ?? 1) / 10) * 10)]),
  );
  const launch = {
    id: DEMO_DRIVE,
    title: 'Shakti: enrol party workers in every district (demo)',
    startsAt: started.toISOString(),
    endsAt: new Date(now.getTime() + DAYS_LEFT * DAY).toISOString(),
    targets,
  };
  // Every district's workers, interleaved (as the districts send them), then spread over the days run.
  const units = DISTRICT_CODES.flatMap((code, i) => Array.from({ length: counts[i] ?? 0 }, () => code));
  const order = units.map((_, k) => k).sort((a, b) => ((a * 7919) % units.length) - ((b * 7919) % units.length) || a - b);
  const enrollers: Actor[] = [INCHARGE, ...DEMO_WINGS.flatMap((wing) => [organiser(wing), wingLead(wing)])];
  const days: { at: Date; enrolments: DemoEnrolment[] }[] = Array.from({ length: DAYS_RUN }, (_, d) => ({
    // A working hour of each day since the launch; the last is an hour ago.
    at: new Date(Math.min(started.getTime() + d * DAY + 6 * 60 * 60 * 1000, now.getTime() - 60 * 60 * 1000)),
    enrolments: [],
  }));
  order.forEach((k, n) => {
    // The drive picks up as it goes: later days take more.
    const day = days[Math.min(DAYS_RUN - 1, Math.floor(DAYS_RUN * Math.sqrt(n / units.length)))];
    // A few people enrol most (a top 20 worth reading).
    const share = ((k * 104_729) % 1000) / 1000;
    const actor = enrollers[Math.floor(enrollers.length * share * share)] ?? INCHARGE;
    const unit = units[k] ?? 'cg-raipur';
    const body = { id: `${DEMO_DRIVE}-${k + 1}`, unit, ...demoWorker(k + 1), booth: `Booth ${(k % 240) + 1}`, consent: true as const };
    day?.enrolments.push({ actor, body: actor.wing === undefined ? body : { ...body, wing: actor.wing } });
  });
  return { launch, launchedAt: started, launchedBy: INCHARGE, days };
}
