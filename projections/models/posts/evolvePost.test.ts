import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { PostEvent } from '@tayari/shared/posts/events';
import { projectAll } from '../../testing/projectAll';
import { postsModel } from './postsModel';

const actor = { sub: 'u-incharge', name: 'प्रभारी', role: 'incharge' as const };
const title = { en: 'District president, Bastar', hi: 'ज़िला अध्यक्ष, बस्तर' };

/** The post events as the store hands them out: one stream per post, positions counting up. */
function stored(events: PostEvent[]): StoredEvent[] {
  const versions = new Map<string, number>();
  return events.map((event, i) => {
    const streamId = `post-${event.data.postId}`;
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    const metadata = { actor, at: `2018-06-20T04:3${i}:00.000Z`, commandId: `c${i}`, correlationId: `c${i}`, schema: 1 };
    return { ...event, metadata, streamId, version, position: String(i + 1) } as StoredEvent;
  });
}

const created: PostEvent = { type: 'PostCreated', data: { postId: 'p', unit: 'cg-bastar', title } };
const proposed: PostEvent = { type: 'NomineeProposed', data: { postId: 'p', nominationId: 'n', nominee: 'Kunjam', proposedBy: 'MLA', note: 'first' } };
const recommended: PostEvent = { type: 'NominationRecommended', data: { postId: 'p', nominationId: 'n', note: 'agreed' } };

test('a post row holds its nominations; a stage change moves one and keeps the latest note', () => {
  const row = projectAll(stored([created, proposed, recommended])).row(postsModel, 'p');
  expect(row).toMatchObject({ id: 'p', status: 'vacant', version: 3, created: expect.stringMatching(/1$/) });
  expect(row?.nominations.n).toMatchObject({ stage: 'recommended', note: 'agreed', proposedAt: '2018-06-20T04:31:00.000Z' });
  expect(row?.lastChange).toEqual({ at: '2018-06-20T04:32:00.000Z', by: 'प्रभारी', type: 'NominationRecommended' });
});

test('a redelivered event changes nothing (the row has seen its version)', () => {
  const events = stored([created, proposed, recommended]);
  const again = projectAll([...events, { ...(events[1] as StoredEvent), position: '9' }]).row(postsModel, 'p');
  expect(again?.nominations.n?.stage).toBe('recommended');
});

test('filling and vacating: holder while filled, the former holder vacated', () => {
  const approved: PostEvent = { type: 'NominationApproved', data: { postId: 'p', nominationId: 'n' } };
  const filled: PostEvent = { type: 'PostFilled', data: { postId: 'p', nominationId: 'n', nominee: 'Kunjam' } };
  const vacated: PostEvent = { type: 'PostVacated', data: { postId: 'p', nominationId: 'n', reason: 'resigned' } };
  const full = projectAll(stored([created, proposed, recommended, approved, filled])).row(postsModel, 'p');
  expect(full).toMatchObject({ status: 'filled', holder: 'n' });
  const empty = projectAll(stored([created, proposed, recommended, approved, filled, vacated])).row(postsModel, 'p');
  expect(empty?.status).toBe('vacant');
  expect(empty?.holder).toBeUndefined();
  expect(empty?.nominations.n).toMatchObject({ stage: 'vacated', reason: 'resigned' });
});
