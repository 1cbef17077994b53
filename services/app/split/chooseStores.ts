import { join } from 'node:path';
import type { TayariConfig } from '../config';
import { redactUrl } from './redactUrl';

export type EventStoreChoice = { kind: 'sqlite'; file: string; lock: string } | { kind: 'eventstoredb'; connectionString: string };

export type ReadStoreChoice = { kind: 'sqlite'; file: string } | { kind: 'mongodb'; uri: string };

export interface StoreChoice {
  events: EventStoreChoice;
  reads: ReadStoreChoice;
}

/** The schemes client 6.x takes, plus KurrentDB's (rewritten by esdbConnectionString). */
const EVENTSTORE_SCHEME = /^(esdb|kurrentdb|kurrent|kdb)(\+discover)?:\/\/\S+$/i;
const MONGODB_SCHEME = /^mongodb(\+srv)?:\/\/\S+$/i;

/**
 * Which adapters the environment asks for, decided once and without I/O: EVENTSTORE_CONNECTION_STRING
 * → EventStoreDB/KurrentDB, else the embedded SQLite event store in the data folder; MONGODB_URI →
 * MongoDB, else the embedded SQLite read store. A variable that is set but malformed is an error,
 * never a reason to fall back to the embedded store.
 */
export function chooseStores(config: Pick<TayariConfig, 'dataDir' | 'eventStoreUrl' | 'mongoUrl'>): StoreChoice {
  const { eventStoreUrl, mongoUrl, dataDir } = config;
  if (eventStoreUrl !== undefined && !EVENTSTORE_SCHEME.test(eventStoreUrl.trim())) {
    throw new Error(`EVENTSTORE_CONNECTION_STRING must be an esdb:// or kurrentdb:// URL, not ${JSON.stringify(redactUrl(eventStoreUrl))}`);
  }
  if (mongoUrl !== undefined && !MONGODB_SCHEME.test(mongoUrl.trim())) {
    throw new Error(`MONGODB_URI must be a mongodb:// or mongodb+srv:// URL, not ${JSON.stringify(redactUrl(mongoUrl))}`);
  }
  return {
    events:
      eventStoreUrl !== undefined
        ? { kind: 'eventstoredb', connectionString: eventStoreUrl.trim() }
        : { kind: 'sqlite', file: join(dataDir, 'events.db'), lock: join(dataDir, 'tayari.lock') },
    reads: mongoUrl !== undefined ? { kind: 'mongodb', uri: mongoUrl.trim() } : { kind: 'sqlite', file: join(dataDir, 'read.db') },
  };
}

/** For logs: which store, and where (credentials removed). */
export function describeStore(choice: EventStoreChoice | ReadStoreChoice): string {
  switch (choice.kind) {
    case 'eventstoredb':
      return `EventStoreDB at ${redactUrl(choice.connectionString)}`;
    case 'mongodb':
      return `MongoDB at ${redactUrl(choice.uri)}`;
    case 'sqlite':
      return `SQLite in ${choice.file}`;
  }
}
