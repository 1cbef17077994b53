import type { ReadStoreChoice, StoreChoice } from './chooseStores';

export type SplitRole = 'api' | 'projector' | 'live';

/**
 * Throws unless the chosen stores let this process run apart from the others. The embedded event
 * store tells only its own process of new events, and only MongoDB tells other processes of commits
 * (change streams), so: the API and the projector need both servers. The live gateway reads boards
 * only, from MongoDB, but it compares the positions the projector wrote there, and those are
 * EventStoreDB's: without the variable it would read them as the embedded store's and fail on the
 * first one (a RangeError, a restart loop). So it needs both names too, though it opens only MongoDB.
 * Answers the MongoDB choice they all read from.
 */
export function requireServers(choice: StoreChoice, role: SplitRole): Extract<ReadStoreChoice, { kind: 'mongodb' }> {
  const missing: string[] = [];
  if (choice.events.kind !== 'eventstoredb') {
    missing.push(
      role === 'live'
        ? 'EVENTSTORE_CONNECTION_STRING (never opened here, but it says how the positions in MongoDB are written)'
        : 'EVENTSTORE_CONNECTION_STRING (the other processes must see the events this one reads or writes)',
    );
  }
  if (choice.reads.kind !== 'mongodb') {
    missing.push('MONGODB_URI (the other processes learn of each commit from its change stream)');
  }
  if (missing.length === 0 && choice.reads.kind === 'mongodb') return choice.reads;
  throw new Error(
    `${role}.js runs one part of Tayari on its own and needs ${missing.join(' and ')}. ` +
      'To run everything in one process on the embedded stores, use `npm start`.',
  );
}
