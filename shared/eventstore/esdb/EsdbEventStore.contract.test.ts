import { STREAM_PREFIXES } from '../../application/aggregates';
import { EsdbEventStore } from './EsdbEventStore';

/**
 * The shared EventStore contract against a real EventStoreDB / KurrentDB, e.g.
 * `EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npx jest shared/eventstore/esdb`.
 * Without a server it is skipped, visibly.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  // Loaded only when it runs, so the skipped suite does not depend on it.
  const { eventStoreContract } = require('../contract/eventStoreContract') as typeof import('../contract/eventStoreContract');
  // The contract writes `contract_*` streams; $all readers must see them next to our aggregates'.
  eventStoreContract('eventstoredb', async () => new EsdbEventStore(connectionString, { streamPrefixes: [...STREAM_PREFIXES, 'contract_'] }));
} else {
  console.warn('SKIPPED: EventStoreDB contract suite — set EVENTSTORE_CONNECTION_STRING to run it');
  describe.skip('EventStore contract: eventstoredb (set EVENTSTORE_CONNECTION_STRING to run it)', () => {
    test('runs the shared contract against EventStoreDB', () => undefined);
  });
}
