import { taskAggregate } from '@tayari/shared/task/taskAggregate';
import { tourAggregate } from '@tayari/shared/tour/tourAggregate';
import { INCHARGE, wingLead } from './benchActors';
import { storedEvent, type GeneratedEvent } from './generateEvents';
import * as T from './texts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const WINGS = ['adivasi', 'youth', 'mahila', 'nsui', 'seva-dal', 'kisan', 'sc', 'obc'];

/** The id of the one programme `bigProgramme` plans. */
export const BIG_PROGRAMME_ID = 'BIG';

/**
 * One tour with `tasks` tasks (a task per booth or block, as a state unit in election mode has):
 * a stop 4 days out, the tasks spread over eight wings, due over the days before it. Nothing else:
 * the same command load on it and on many small programmes tells whether cost follows the board.
 */
export function* bigProgramme(nowMs: number, tasks: number): Generator<GeneratedEvent> {
  const tour = BIG_PROGRAMME_ID;
  const startsAt = nowMs + 4 * DAY;
  let command = 0;
  const at = nowMs - DAY;
  yield storedEvent(
    {
      at,
      streamId: tourAggregate.stream(tour),
      actor: INCHARGE,
      event: { type: 'TourPlanned', data: { tourId: tour, title: 'बूथ चलो अभियान', leader: 'State president' } },
    },
    `big-${++command}`,
  );
  yield storedEvent(
    {
      at,
      streamId: tourAggregate.stream(tour),
      actor: INCHARGE,
      event: {
        type: 'StopAdded',
        data: {
          tourId: tour,
          stopId: 'raipur',
          place: 'Raipur',
          district: 'Raipur',
          venue: 'Science College ground',
          startsAt: iso(startsAt),
          endsAt: iso(startsAt + 4 * HOUR),
        },
      },
    },
    `big-${++command}`,
  );
  for (let i = 0; i < tasks; i++) {
    const wing = WINGS[i % WINGS.length] ?? 'youth';
    const taskId = `big-${i}`;
    const titles = T.WORK[wing]?.tasks ?? [];
    const title = `${titles[i % Math.max(1, titles.length)] ?? 'Booth work'} · booth ${i + 1}`;
    const dueAt = iso(nowMs + (1 + (i % 72)) * HOUR);
    yield storedEvent(
      {
        at: at + i,
        streamId: taskAggregate.stream(taskId),
        actor: wingLead(wing),
        event: { type: 'TaskLogged', data: { taskId, programmeId: tour, programmeKind: 'tour', stopId: 'raipur', wing, title, dueAt } },
      },
      `big-${++command}`,
    );
  }
}
