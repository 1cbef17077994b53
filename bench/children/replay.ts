import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import { rebuildReadModels } from '@tayari/projections/rebuild/rebuildReadModels';
import { serveParent } from '../support/serveParent';

export type ReplayRequest =
  /** What `npm run rebuild` does (services/app/split/rebuild.ts): every projection, from the first event. */
  | { type: 'rebuild'; dataDir: string }
  /** The baseline: read the same rows straight from SQLite and parse their JSON, nothing else. */
  | { type: 'rawRead'; dataDir: string };

export type ReplayReply = { type: 'replayed'; events: number; ms: number };

serveParent<ReplayRequest, ReplayReply>(async (request, reply) => {
  if (request.type === 'rebuild') {
    // The same stores and options as services/app/split/rebuild.ts.
    const events = await SqliteEventStore.open({ file: join(request.dataDir, 'events.db'), lock: join(request.dataDir, 'tayari.lock'), writer: 'inline' });
    const readStore = new SqliteReadStore({ file: join(request.dataDir, 'read.db') });
    try {
      const started = performance.now();
      const result = await rebuildReadModels({ events, readStore });
      return reply({ type: 'replayed', events: result.applied, ms: performance.now() - started });
    } finally {
      await readStore.close();
      await events.close();
    }
  }
  const db = new Database(join(request.dataDir, 'events.db'), { readonly: true });
  try {
    const started = performance.now();
    const rows = db.prepare('SELECT seq, stream_id, version, event_id, type, data, metadata FROM events ORDER BY seq');
    let events = 0;
    let check = 0;
    for (const row of rows.iterate() as IterableIterator<{ seq: number; type: string; data: string; metadata: string }>) {
      const data = JSON.parse(row.data) as unknown;
      const metadata = JSON.parse(row.metadata) as unknown;
      // Touch the results so that the parse cannot be skipped.
      if (data !== null && metadata !== null) check += row.seq & 1;
      events++;
    }
    reply({ type: 'replayed', events: events + (check < 0 ? 1 : 0), ms: performance.now() - started });
  } finally {
    db.close();
  }
});
