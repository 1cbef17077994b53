import type { RecordedEvent } from '@tayari/shared/eventstore/EventStore';
import { expectAnswer, startApi, type ApiHarness, type PersonName } from '../support/apiHarness';
import { fixtures, ist, type Fixtures } from './fixtures';

/** A command over HTTP that would change nothing answers 200, names where the stream is, and appends nothing. */

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  h = await startApi();
  f = fixtures(h);
});
afterAll(() => h.close());

describe('a command that changes nothing answers 200 and appends nothing', () => {
  let stream: { tour: RecordedEvent[]; task: RecordedEvent[] };
  beforeAll(async () => {
    await f.tour('noop');
    await f.stop('noop', 's1', 26, '11:00', '13:00');
    await f.meeting('noop-meeting', { venue: 'Rajiv Bhawan', startsAt: ist(20, '10:00'), endsAt: ist(20, '12:00') });
    await f.responsibility('noop', 'noop-r', 'adivasi');
    expectAnswer(await h.post('/responsibilities/noop-r/acknowledge', h.tokens.adivasiLead, {}), 200);
    await f.task('noop', 'noop-t', 'adivasi', { assignee: 'Netam', dueAt: ist(24, '18:00') });
    // Something else is appended afterwards, so "the stream's last position" is not the store's head.
    await f.tour('noop-later');
    stream = { tour: await h.tayari.store.readStream('tour-noop'), task: await h.tayari.store.readStream('task-noop-t') };
  });

  const noops: [string, string, object, PersonName, string][] = [
    ['setting a task to the status it has', '/tasks/noop-t/status', { status: 'todo' }, 'adivasiOrganiser', 'task-noop-t'],
    ['assigning the assignee it has', '/tasks/noop-t/assign', { assignee: 'Netam' }, 'adivasiLead', 'task-noop-t'],
    ['the due time it has, sent in another offset', '/tasks/noop-t/due', { dueAt: '2018-06-24T12:30:00Z' }, 'adivasiOrganiser', 'task-noop-t'],
    [
      'rescheduling a stop to its window, in UTC',
      '/tours/noop/stops/s1/reschedule',
      { startsAt: '2018-06-26T05:30:00Z', endsAt: '2018-06-26T07:30:00.000Z' },
      'incharge',
      'tour-noop',
    ],
    [
      'rescheduling a meeting to its time and venue',
      '/meetings/noop-meeting/reschedule',
      { startsAt: ist(20, '10:00'), endsAt: ist(20, '12:00'), venue: 'Rajiv Bhawan' },
      'incharge',
      'meeting-noop-meeting',
    ],
    ['acknowledging a duty twice', '/responsibilities/noop-r/acknowledge', {}, 'adivasiLead', 'responsibility-noop-r'],
    ['reassigning a duty to its own wing', '/responsibilities/noop-r/reassign', { wing: 'adivasi' }, 'incharge', 'responsibility-noop-r'],
  ];
  test.each(noops)('%s', async (_what, path, body, as, streamId) => {
    const recorded = await h.tayari.store.readStream(streamId);
    const last = recorded.at(-1);
    if (!last) throw new Error(`${streamId} is empty`);
    const before = await h.eventCount();
    const answer = expectAnswer(await h.post(path, h.tokens[as], body), 200);
    expect(answer).toEqual({ id: expect.any(String), version: last.version, position: last.position });
    expect(await h.eventCount()).toBe(before);
  });

  test('the no-op answers name the stream version and the stream’s last position, not the head', async () => {
    const head = await h.tayari.store.headPosition();
    const answer = expectAnswer(await h.post('/tasks/noop-t/status', h.tokens.incharge, { status: 'todo' }), 200);
    expect(answer.position).toBe(stream.task.at(-1)?.position);
    expect(answer.position).not.toBe(head);
    expect(answer.version).toBe(stream.task.length);
  });
});
