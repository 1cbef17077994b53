import { expectAnswer, type Answer, type ApiHarness } from '../support/apiHarness';

/** An instant on a June 2018 day in India Standard Time, as a phone would send it. */
export const ist = (day: number, time: string) => `2018-06-${String(day).padStart(2, '0')}T${time}:00+05:30`;
/** The same instant as the service stores and answers it (UTC). */
export const utc = (sent: string) => new Date(sent).toISOString();

/** Builders that set up state through the API itself, as the in-charge (or the given token). */
export function fixtures(h: ApiHarness) {
  const incharge = () => h.tokens.incharge;
  const created = async (path: string, body: object, token = incharge()): Promise<Answer> => expectAnswer(await h.post(path, token, body), 201);
  const changed = async (path: string, body: object, token = incharge()): Promise<Answer> => expectAnswer(await h.post(path, token, body), 200);

  return {
    tour: (id: string, extra: object = {}) => created('/tours', { id, title: `Tour ${id}`, leader: 'Rahul Gandhi', ...extra }),
    stop: (tourId: string, stopId: string, day: number, from: string, to: string, extra: object = {}) =>
      created(`/tours/${tourId}/stops`, {
        stopId,
        place: 'Jagdalpur',
        district: 'Bastar',
        venue: 'Lalbagh ground',
        startsAt: ist(day, from),
        endsAt: ist(day, to),
        ...extra,
      }),
    cancelStop: (tourId: string, stopId: string) => changed(`/tours/${tourId}/stops/${stopId}/cancel`, { reason: 'rain' }),
    cancelTour: (tourId: string) => changed(`/tours/${tourId}/cancel`, { reason: 'postponed' }),
    meeting: (id: string, extra: object = {}) =>
      created('/meetings', {
        id,
        title: `Meeting ${id}`,
        venue: 'Rajiv Bhawan',
        startsAt: ist(20, '10:00'),
        endsAt: ist(20, '12:00'),
        chairs: ['Mohan Markam'],
        ...extra,
      }),
    cancelMeeting: (id: string) => changed(`/meetings/${id}/cancel`, { reason: 'clash' }),
    responsibility: (programmeId: string, id: string, wing = 'adivasi', extra: object = {}) =>
      created(`/programmes/${programmeId}/responsibilities`, { id, wing, duty: 'crowd mobilisation', ...extra }),
    cancelResponsibility: (id: string) => changed(`/responsibilities/${id}/cancel`, { reason: 'not needed' }),
    task: (programmeId: string, id: string, wing = 'adivasi', extra: object = {}) =>
      created('/tasks', { id, programmeId, wing, title: `Task ${id}`, ...extra }),
    status: (taskId: string, status: string, extra: object = {}) => changed(`/tasks/${taskId}/status`, { status, ...extra }),
    cancelTask: (taskId: string) => changed(`/tasks/${taskId}/cancel`, { reason: 'duplicate' }),
    post: (id: string, wing = 'adivasi') => created('/posts', { id, unit: 'cg-bastar', wing, title: { en: `Post ${id}`, hi: `पद ${id}` } }),
    nomination: (postId: string, id: string) => created(`/posts/${postId}/nominations`, { id, nominee: `Nominee ${id}`, proposedBy: 'Block president' }),
    nominationStep: (id: string, step: 'recommend' | 'approve') => changed(`/nominations/${id}/${step}`, {}),
    appoint: (postId: string, nominationId: string) => changed(`/posts/${postId}/appoint`, { nominationId }),
    template: (id: string, wing = 'adivasi') =>
      created('/templates', { id, name: { en: `Template ${id}`, hi: `सूची ${id}` }, kind: 'stop', items: [{ title: 'Permission', wing, offset: '-P2D' }] }),
    person: (id: string, wing = 'adivasi', role = 'organiser') => created('/people', { id, name: `Person ${id}`, role, wing }),
    drive: (id: string, targets: Record<string, number>) =>
      created('/drives', { id, title: `Drive ${id}`, startsAt: '2018-06-01T00:00:00Z', endsAt: '2018-07-01T00:00:00Z', targets }),
    enrolment: (driveId: string, id: string, phone: string) =>
      created(`/drives/${driveId}/enrolments`, { id, unit: 'cg-bastar', name: `Worker ${id}`, phone, consent: true }),
  };
}
export type Fixtures = ReturnType<typeof fixtures>;
