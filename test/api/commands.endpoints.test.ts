import { COMMANDS } from '@tayari/shared/application/aggregates';
import type { RecordedEvent } from '@tayari/shared/eventstore/EventStore';
import { AnswerSchema, expectAnswer, people, startApi, typesAndData, type ApiHarness } from '../support/apiHarness';
import type { EndpointCase } from './endpointCase';
import { fixtures, type Fixtures } from './fixtures';
import { DRIVE_ENDPOINT_CASES } from './driveEndpointCases';
import { PEOPLE_ENDPOINT_CASES } from './peopleEndpointCases';
import { PLANNING_ENDPOINT_CASES } from './planningEndpointCases';
import { TEMPLATE_ENDPOINT_CASES } from './templateEndpointCases';
import { POST_ENDPOINT_CASES } from './postEndpointCases';
import { WORK_ENDPOINT_CASES } from './workEndpointCases';

/**
 * Every command endpoint over HTTP against the real service: status, `{id, version, position}`,
 * `ETag`, and exactly the events it appended (type, data, stream, metadata). The cases, one per
 * command, are in planningEndpointCases.ts and workEndpointCases.ts; the endpoints' other behaviour is
 * in commands.endpoints.*.test.ts.
 */

const cases: Record<string, EndpointCase> = {
  ...PLANNING_ENDPOINT_CASES,
  ...WORK_ENDPOINT_CASES,
  ...PEOPLE_ENDPOINT_CASES,
  ...TEMPLATE_ENDPOINT_CASES,
  ...POST_ENDPOINT_CASES,
  ...DRIVE_ENDPOINT_CASES,
};

/** `/tours/:tourId/stops` matches `/tours/e-stop/stops`. */
const routePattern = (path: string) => new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[^/]+')}$`);

/** The one event a command appended, checked against the stream and the store's head. */
async function lastOf(appended: RecordedEvent[]): Promise<RecordedEvent> {
  const last = appended.at(-1);
  if (!last) throw new Error('nothing was appended');
  return last;
}

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  h = await startApi();
  f = fixtures(h);
});
afterAll(() => h.close());

describe('the commands table', () => {
  test('every command route has a case here, and every case a route', () => {
    expect(Object.keys(cases).sort()).toEqual(COMMANDS.map((r) => r.name).sort());
    for (const route of COMMANDS) expect(cases[route.name]?.path).toMatch(routePattern(route.path));
  });

  test.each(COMMANDS.map((r) => [r.name, r.path] as const))('%s (POST %s) answers, sets ETag and appends its events', async (name) => {
    const c = cases[name];
    if (c === undefined) throw new Error(`no case for ${name}`);
    await c.arrange?.(f);
    const person = people[c.as ?? 'incharge'];
    const before = await h.eventCount();

    const res = await h.post(c.path, h.tokens[c.as ?? 'incharge'], c.body);

    // A command that reveals more (an invitation's link) answers those fields besides the usual three.
    const answer = expectAnswer(res, c.status, COMMANDS.find((route) => route.name === name)?.reveal ? AnswerSchema.loose() : AnswerSchema);
    expect(answer.id).toEqual(c.id);
    const all = await h.eventsAfter(before);
    const appended = all.slice(0, all.length - (c.followUps?.length ?? 0));
    expect(all.slice(appended.length).map((event) => event.type)).toEqual(c.followUps ?? []);
    expect(typesAndData(appended)).toEqual(c.events);
    for (const event of appended) expect([c.stream, ...(c.also ?? [])]).toContain(event.streamId);
    expect(appended.at(-1)?.streamId).toBe(c.stream);
    const last = await lastOf(appended);
    expect(answer.version).toBe(last.version);
    expect(answer.version).toBe(await h.streamVersion(c.stream));
    expect(answer.position).toBe(last.position);
    expect(last.metadata).toEqual({
      actor: person,
      at: h.clock.now().toISOString(),
      commandId: expect.stringMatching(/^cmd-/),
      correlationId: expect.any(String),
      schema: 1,
    });
  });
});
