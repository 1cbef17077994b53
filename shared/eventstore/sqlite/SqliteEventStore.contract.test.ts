import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventStoreContract } from '../contract/eventStoreContract';
import { SqliteEventStore } from './SqliteEventStore';

const folders: string[] = [];

function tempFile(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-es-contract-'));
  folders.push(folder);
  return path.join(folder, 'events.db');
}

afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

// A small page size makes subscriptions catch up over several turns of the event loop, so that
// appends really race the switch to live.
eventStoreContract('sqlite (writer worker, file)', () => SqliteEventStore.open({ file: tempFile(), pageSize: 3 }));
eventStoreContract('sqlite (inline writer, file)', () => SqliteEventStore.open({ file: tempFile(), writer: 'inline' }));
eventStoreContract('sqlite (:memory:)', () => SqliteEventStore.open({ file: ':memory:', pageSize: 2 }));
