import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { systemClock, type Clock } from '@tayari/shared/common/clock';
import { StoreUnavailable } from '@tayari/shared/common/errors';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { describeStore, type EventStoreChoice } from './chooseStores';
import { withTimeout } from './withTimeout';

export interface OpenEventStoreOptions {
  clock?: Clock;
  /** How long EventStoreDB may take to answer the first read. Default 5000 ms. */
  timeoutMs?: number;
  /** Waits between resubscriptions of $all (EsdbEventStore's own defaults otherwise). */
  backoff?: { initialDelayMs?: number | undefined; maxDelayMs?: number | undefined } | undefined;
  /** The SQLite store's writer (`inline` for a one-shot tool such as the rebuild). Default: the store's. */
  sqliteWriter?: 'worker' | 'inline';
}

/**
 * Opens the chosen event store and proves it answers: the EventStoreDB client connects lazily, so
 * its head is read once here, and a server that cannot be reached fails the start with a message
 * that names it, instead of the first command failing later.
 */
export async function openEventStore(choice: EventStoreChoice, options: OpenEventStoreOptions = {}): Promise<EventStore> {
  const clock = options.clock ?? systemClock;
  if (choice.kind === 'sqlite') {
    mkdirSync(dirname(choice.file), { recursive: true });
    return SqliteEventStore.open({ file: choice.file, lock: choice.lock, now: () => clock.now(), writer: options.sqliteWriter });
  }
  const timeoutMs = options.timeoutMs ?? 5000;
  // Loaded only when used: the gRPC client alone takes a sixth of an embedded start. (`require`, not
  // `import()`: an import() resolves in ESM mode, to the dist types, a second declaration of the class.)
  const { EsdbEventStore } = require('@tayari/shared/eventstore/esdb/EsdbEventStore') as typeof import('@tayari/shared/eventstore/esdb/EsdbEventStore');
  const store = new EsdbEventStore(choice.connectionString, { clock, backoff: options.backoff });
  try {
    await withTimeout(store.headPosition(), timeoutMs, describeStore(choice));
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof StoreUnavailable) {
      throw new StoreUnavailable(`${describeStore(choice)} cannot be reached (${reason}); check EVENTSTORE_CONNECTION_STRING and that the server is up`, error);
    }
    throw new Error(`${describeStore(choice)} refused the first read: ${reason}`, { cause: error });
  }
}
