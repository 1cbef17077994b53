import { IdSchema } from '@tayari/shared/common/ids';
import { expectAnswer, expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { fixtures, ist, type Fixtures } from './fixtures';

/** Creating over HTTP: ids the client gives are kept, the server makes the others, and a taken id is 409. */

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  h = await startApi();
  f = fixtures(h);
});
afterAll(() => h.close());

describe('creation with and without a client id', () => {
  test('without an id the server makes one, names it in the answer and in the events', async () => {
    await f.tour('e-noid');
    const made = [
      { path: '/tours', body: { title: 'No id tour', leader: 'Leader' }, stream: 'tour-', field: 'tourId' },
      {
        path: '/meetings',
        body: { title: 'No id meeting', venue: 'Raipur', startsAt: ist(22, '10:00'), chairs: ['Chair'] },
        stream: 'meeting-',
        field: 'meetingId',
      },
      {
        path: '/tours/e-noid/stops',
        body: { place: 'Kanker', district: 'Kanker', venue: 'Stadium', startsAt: ist(27, '10:00'), endsAt: ist(27, '11:00') },
        stream: 'tour-e-noid',
        field: 'stopId',
      },
      { path: '/programmes/e-noid/responsibilities', body: { wing: 'youth', duty: 'volunteers' }, stream: 'responsibility-', field: 'responsibilityId' },
      { path: '/tasks', body: { programmeId: 'e-noid', wing: 'youth', title: 'Print posters' }, stream: 'task-', field: 'taskId' },
    ];
    const ids = new Set<string>();
    for (const m of made) {
      const before = await h.eventCount();
      const answer = expectAnswer(await h.post(m.path, h.tokens.incharge, m.body), 201);
      expect(IdSchema.safeParse(answer.id).success).toBe(true);
      ids.add(answer.id);
      const [event, ...more] = await h.eventsAfter(before);
      expect(more).toEqual([]);
      expect(event?.data).toMatchObject({ [m.field]: answer.id });
      expect(event?.streamId).toBe(m.stream.endsWith('-') ? `${m.stream}${answer.id}` : m.stream);
    }
    expect(ids.size).toBe(made.length);
  });

  test('two creations without an id get two different ids', async () => {
    const a = expectAnswer(await h.post('/tours', h.tokens.incharge, { title: 'Same title', leader: 'Same leader' }), 201);
    const b = expectAnswer(await h.post('/tours', h.tokens.incharge, { title: 'Same title', leader: 'Same leader' }), 201);
    expect(a.id).not.toBe(b.id);
    expect(a.version).toBe(1);
    expect(b.version).toBe(1);
    expect(Number(b.position)).toBeGreaterThan(Number(a.position));
  });

  test('a client id is kept as given', async () => {
    const answer = expectAnswer(await h.post('/tours', h.tokens.incharge, { id: 'Offline_Tour-42', title: 'Made offline', leader: 'Leader' }), 201);
    expect(answer).toMatchObject({ id: 'Offline_Tour-42', version: 1 });
    expect(await h.streamVersion('tour-Offline_Tour-42')).toBe(1);
  });
});

describe('409 when an id is taken', () => {
  beforeAll(async () => {
    await f.tour('taken-tour');
    await f.stop('taken-tour', 'taken-stop', 26, '11:00', '12:00');
    await f.meeting('taken-meeting');
    await f.responsibility('taken-tour', 'taken-r');
    await f.task('taken-tour', 'taken-t');
    expectAnswer(await h.post('/wings', h.tokens.incharge, { code: 'taken-wing', name: { en: 'Taken', hi: 'लिया' }, kind: 'cell' }), 201);
  });

  const taken: [string, string, object, string][] = [
    ['a tour id taken by a tour', '/tours', { id: 'taken-tour', title: 'Again', leader: 'L' }, 'id-taken'],
    ['a tour id taken by a meeting', '/tours', { id: 'taken-meeting', title: 'Again', leader: 'L' }, 'id-taken'],
    [
      'a meeting id taken by a meeting',
      '/meetings',
      { id: 'taken-meeting', title: 'Again', venue: 'V', startsAt: ist(22, '10:00'), chairs: ['C'] },
      'id-taken',
    ],
    ['a meeting id taken by a tour', '/meetings', { id: 'taken-tour', title: 'Again', venue: 'V', startsAt: ist(22, '10:00'), chairs: ['C'] }, 'id-taken'],
    [
      'a stop id taken on its tour',
      '/tours/taken-tour/stops',
      { stopId: 'taken-stop', place: 'P', district: 'D', venue: 'V', startsAt: ist(28, '10:00'), endsAt: ist(28, '11:00') },
      'id-taken',
    ],
    ['a responsibility id taken', '/programmes/taken-tour/responsibilities', { id: 'taken-r', wing: 'youth', duty: 'again' }, 'id-taken'],
    ['a task id taken', '/tasks', { id: 'taken-t', programmeId: 'taken-tour', wing: 'youth', title: 'again' }, 'id-taken'],
    ['a default wing code', '/wings', { code: 'adivasi', name: { en: 'Again', hi: 'फिर' }, kind: 'morcha' }, 'wing-code-taken'],
    ['a registered wing code', '/wings', { code: 'taken-wing', name: { en: 'Again', hi: 'फिर' }, kind: 'cell' }, 'wing-code-taken'],
  ];
  test.each(taken)('%s → 409, nothing appended', async (_what, path, body, rule) => {
    const before = await h.eventCount();
    expectProblem(await h.post(path, h.tokens.incharge, body), 409, rule);
    expect(await h.eventCount()).toBe(before);
  });
});
