import { expectProblem, startApi, type ApiHarness, type PersonName } from '../support/apiHarness';
import { fixtures, ist, type Fixtures } from './fixtures';

/** The API with the programmes the commands.rules*.test.ts files break rules on, and how they check a refusal. */
export async function startRulesApi(): Promise<{ h: ApiHarness; f: Fixtures }> {
  const h = await startApi();
  const f = fixtures(h);
  // r-tour: stops a (26th 11–13 IST), b (26th 15–17), gone (27th, cancelled).
  await f.tour('r-tour');
  await f.stop('r-tour', 'a', 26, '11:00', '13:00');
  await f.stop('r-tour', 'b', 26, '15:00', '17:00');
  await f.stop('r-tour', 'gone', 27, '10:00', '11:00');
  await f.cancelStop('r-tour', 'gone');
  // r-other: another tour with its own stop x.
  await f.tour('r-other');
  await f.stop('r-other', 'x', 26, '11:00', '12:00');
  // r-cancelled: a cancelled tour that had a stop.
  await f.tour('r-cancelled');
  await f.stop('r-cancelled', 's', 26, '11:00', '12:00');
  await f.cancelTour('r-cancelled');
  await f.meeting('r-meeting');
  await f.meeting('r-meeting-cancelled');
  await f.cancelMeeting('r-meeting-cancelled');
  await f.responsibility('r-tour', 'r-resp', 'adivasi');
  await f.responsibility('r-other', 'r-resp-other', 'adivasi');
  await f.responsibility('r-tour', 'r-resp-cancelled', 'adivasi');
  await f.cancelResponsibility('r-resp-cancelled');
  await f.task('r-tour', 'r-task', 'adivasi');
  await f.task('r-tour', 'r-done', 'adivasi');
  await f.status('r-done', 'done');
  await f.task('r-tour', 'r-task-cancelled', 'adivasi');
  await f.cancelTask('r-task-cancelled');
  return { h, f };
}

/** Sends a command that must be refused; checks status, rule, and that nothing was appended. */
export async function refusedOn(h: ApiHarness, as: PersonName, path: string, body: object, status: number, rule: string, headers: Record<string, string> = {}) {
  const before = await h.events();
  const problem = expectProblem(await h.post(path, h.tokens[as], body, headers), status, rule);
  const after = await h.events();
  expect(after.length).toBe(before.length);
  expect(after.at(-1)?.position).toBe(before.at(-1)?.position);
  return problem;
}

export const stop = (stopId: string, day: number, from: string, to: string) => ({
  stopId,
  place: 'Kondagaon',
  district: 'Kondagaon',
  venue: 'Haat bazaar',
  startsAt: ist(day, from),
  endsAt: ist(day, to),
});
export const task = (extra: object) => ({ programmeId: 'r-tour', wing: 'adivasi', title: 'Arrange water', ...extra });

export type Rule = [what: string, path: string, body: object, status: number, rule: string];
