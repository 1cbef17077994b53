import { EventStoreDBClient } from '@eventstore/db-client';
import { esdbConnectionString } from './esdbConnectionString';

describe('esdbConnectionString', () => {
  test.each([
    ['kurrentdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['kurrentdb+discover://admin:changeit@cluster.example:2113', 'esdb+discover://admin:changeit@cluster.example:2113'],
    ['KurrentDB://node1:2113,node2:2113?nodePreference=leader', 'esdb://node1:2113,node2:2113?nodePreference=leader'],
    ['kurrent://localhost:2113', 'esdb://localhost:2113'],
    ['kdb+discover://localhost:2113', 'esdb+discover://localhost:2113'],
  ])('%s → %s', (given, expected) => {
    expect(esdbConnectionString(given)).toBe(expected);
  });

  test.each(['esdb://localhost:2113?tls=false', 'esdb+discover://localhost:2113', 'http://localhost:2113'])('leaves %s alone', (given) => {
    expect(esdbConnectionString(given)).toBe(given);
  });

  test('the installed client refuses kurrentdb:// but accepts the rewritten string (parsing only, no connection)', () => {
    expect(() => EventStoreDBClient.connectionString('kurrentdb://localhost:2113?tls=false')).toThrow();
    expect(EventStoreDBClient.connectionString(esdbConnectionString('kurrentdb://localhost:2113?tls=false'))).toBeInstanceOf(EventStoreDBClient);
  });
});
