import { Timestamp, UUID, type ChangeStreamDocument } from 'mongodb';
import type { CheckpointRow } from './MongoRows';
import { checkpointChangeOf, endsChangeStream } from './checkpointChangeOf';

const common = {
  _id: { _data: '8266A1B2C3000000012B' },
  clusterTime: new Timestamp({ t: 1719380000, i: 1 }),
  collectionUUID: new UUID('0f8fad5b-d9cb-469f-a165-70867728950e'),
};
const ns = { db: 'tayari', coll: 'checkpoints' };
const row: CheckpointRow = { _id: 'programmes', position: '1200/1100', positionKey: '00000000000000001200/00000000000000001100' };

describe('checkpointChangeOf', () => {
  test('insert and replace carry the checkpoint', () => {
    const insert: ChangeStreamDocument<CheckpointRow> = { ...common, operationType: 'insert', ns, documentKey: { _id: 'programmes' }, fullDocument: row };
    const replace: ChangeStreamDocument<CheckpointRow> = { ...common, operationType: 'replace', ns, documentKey: { _id: 'programmes' }, fullDocument: row };
    expect(checkpointChangeOf(insert)).toEqual({ name: 'programmes', position: '1200/1100' });
    expect(checkpointChangeOf(replace)).toEqual({ name: 'programmes', position: '1200/1100' });
  });

  test('update: from the looked-up document, none when it is gone', () => {
    const updateDescription = { updatedFields: { position: '1200/1100' } };
    const update: ChangeStreamDocument<CheckpointRow> = {
      ...common,
      operationType: 'update',
      ns,
      documentKey: { _id: 'programmes' },
      updateDescription,
      fullDocument: row,
    };
    expect(checkpointChangeOf(update)).toEqual({ name: 'programmes', position: '1200/1100' });
    const gone: ChangeStreamDocument<CheckpointRow> = { ...common, operationType: 'update', ns, documentKey: { _id: 'programmes' }, updateDescription };
    expect(checkpointChangeOf(gone)).toBeUndefined();
  });

  test('deletes (a rebuild) and stream events carry none; invalidate, drop, rename end the stream', () => {
    const deleted: ChangeStreamDocument<CheckpointRow> = { ...common, operationType: 'delete', ns, documentKey: { _id: 'programmes' } };
    const invalidate: ChangeStreamDocument<CheckpointRow> = { ...common, operationType: 'invalidate' };
    const drop: ChangeStreamDocument<CheckpointRow> = { ...common, operationType: 'drop', ns };
    expect(checkpointChangeOf(deleted)).toBeUndefined();
    expect(checkpointChangeOf(invalidate)).toBeUndefined();
    expect(endsChangeStream(deleted)).toBe(false);
    expect(endsChangeStream(invalidate)).toBe(true);
    expect(endsChangeStream(drop)).toBe(true);
  });
});
