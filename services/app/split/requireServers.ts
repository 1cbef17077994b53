import type { ReadStoreChoice, StoreChoice } from './chooseStores';

export type SplitRole = 'api' | 'projector' | 'live';

/**
 * Throws unless the chosen stores let this process run apart from the others. The embedded event
 * store tells only its own process of new events, and only MongoDB tells other processes of commits
 * (change streams), so: the API and the projector need both servers; the live gateway reads boards
 * only, and needs MongoDB. Answers the MongoDB choice they all read from.
 */
export function requireServers(choice: StoreChoice, role: SplitRole): Extract<ReadStoreChoice, { kind: 'mongodb' }> {
  const missing: string[] = [];
  if (role !== 'live' && choice.events.kind !== 'eventstoredb') {
    missing.push('EVENTSTORE_CONNECTION_STRING (the other processes must see the events this one reads or writes)');
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
