import { TRANSACTION } from './MongoReadStore';

describe('MongoReadStore transactions', () => {
  test('commit with majority, but never wait without end for a majority that is down', () => {
    expect(TRANSACTION.writeConcern).toMatchObject({ w: 'majority', wtimeoutMS: 10_000 });
    expect(TRANSACTION.maxCommitTimeMS).toBe(10_000);
    expect(TRANSACTION.readConcern).toEqual({ level: 'snapshot' });
  });
});
