import { eventId } from './eventId';
import type { EventToAppend, RecordedEvent } from './EventStore';
import { earlierAttempt } from './earlierAttempt';

const recorded = (id: string, version: number, commandId?: string): RecordedEvent => ({
  id,
  streamId: 'task-1',
  type: 'TaskNoted',
  data: {},
  metadata: commandId === undefined ? {} : { commandId },
  version,
  position: `p${version}`,
});
const toAppend = (commandId: string, count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => ({ id: eventId(commandId, i), type: 'TaskNoted', data: {}, metadata: { commandId } }));

describe('earlierAttempt', () => {
  test('finds the first attempt’s run by its first event id and answers its last event', () => {
    // Newest first: versions 6 (another command), 5 and 4 (the first attempt), 3 (older).
    const newest = [
      recorded('x6', 6, 'other'),
      recorded(eventId('idem-a', 1), 5, 'idem-a'),
      recorded(eventId('idem-a', 0), 4, 'idem-a'),
      recorded('x3', 3, 'older'),
    ];
    expect(earlierAttempt(newest, toAppend('idem-a', 2))).toEqual({ version: 5, position: 'p5' });
    // The retry decided differently (one event, not two): still the first attempt's answer.
    expect(earlierAttempt(newest, toAppend('idem-a', 1))).toEqual({ version: 5, position: 'p5' });
  });

  test('without a command id in the metadata, the retry’s own ids in order', () => {
    const newest = [recorded('x6', 6), recorded(eventId('idem-b', 1), 5), recorded(eventId('idem-b', 0), 4)];
    expect(earlierAttempt(newest, toAppend('idem-b', 2))).toEqual({ version: 5, position: 'p5' });
    expect(earlierAttempt(newest, toAppend('idem-b', 1))).toEqual({ version: 4, position: 'p4' });
  });

  test('no earlier attempt, or nothing to append', () => {
    const newest = [recorded('x2', 2, 'other'), recorded('x1', 1, 'other')];
    expect(earlierAttempt(newest, toAppend('idem-c', 1))).toBeUndefined();
    expect(earlierAttempt([], toAppend('idem-c', 1))).toBeUndefined();
    expect(earlierAttempt(newest, [])).toBeUndefined();
  });
});
