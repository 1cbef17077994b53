import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postsBoard } from '@tayari/projections/boards/postsBoard';
import { postsModel } from '@tayari/projections/models/posts/postsModel';
import { projectAll } from '@tayari/projections/testing/projectAll';
import { ManualClock } from '@tayari/shared/common/clock';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { parseRecorded } from '@tayari/shared/events/StoredEvent';
import { loadDemo } from './loadDemo';

/** The demo's posts: nominations at every stage, a filled post, vacancies first on the board. */
test('the demo shows posts with nominations at different stages, one filled, vacancies first', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'tayari-demo-posts-'));
  const store = await SqliteEventStore.open({ file: join(folder, 'events.db'), lock: false });
  try {
    await loadDemo({ store, clock: new ManualClock('2026-03-10T09:20:00+05:30') });
    const events = (await store.readAll(undefined, 100_000)).map(parseRecorded);
    const board = postsBoard(projectAll(events).table(postsModel).values(), {}, undefined, '0');
    const posts = Object.values(board.posts).sort((a, b) => (a.order < b.order ? -1 : 1));
    expect(posts.length).toBeGreaterThanOrEqual(4);
    expect(posts.at(-1)).toMatchObject({ id: 'post-adivasi-bastar-president', status: 'filled', holder: { nominationId: 'nom-bastar-lakhmu' } });
    expect(posts.slice(0, -1).every((post) => post.status === 'vacant')).toBe(true);
    const stages = new Set(posts.flatMap((post) => Object.keys(post.nominations)));
    expect([...stages].sort()).toEqual(['appointed', 'approved', 'closed', 'declined', 'proposed', 'recommended', 'withdrawn']);
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
