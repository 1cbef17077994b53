import type { LogWrite, ReadBatch } from '../ReadStore';
import { positionKey } from '../positionKey';
import { batchRows } from './batchRows';
import { commitOperations, type StoredPositions } from './commitOperations';

const nothingStored: StoredPositions = { docs: new Map(), checkpoints: new Map() };

function stored(docs: Record<string, string | undefined>, checkpoints: Record<string, string> = {}): StoredPositions {
  return { docs: new Map(Object.entries(docs)), checkpoints: new Map(Object.entries(checkpoints)) };
}

function entry(programmeId: string, position: string): LogWrite {
  return { log: 'history', group: programmeId, key: positionKey(position), entry: { position, type: 'TaskLogged', data: { n: position } } };
}

const batch: ReadBatch = {
  docs: [
    { collection: 'programmes', id: 'p1', doc: { v: 2 } },
    { collection: 'wings', id: 'youth', doc: { code: 'youth' } },
  ],
  deletes: [{ collection: 'programmes', id: 'p0' }],
  logs: [entry('p1', '12')],
  checkpoints: { programmes: '12', wings: '12', history: '12' },
};

const KEY_12 = positionKey('12');

describe('commitOperations: a batch into an empty store', () => {
  const operations = commitOperations(batchRows(batch), nothingStored);

  test('docs: replace-or-insert by _id, keeping the position applied; then deletes, in one ordered list', () => {
    expect(operations.docs).toEqual([
      {
        replaceOne: {
          filter: { _id: 'programmes:p1' },
          replacement: { collection: 'programmes', id: 'p1', doc: { v: 2 }, position: '12', positionKey: KEY_12 },
          upsert: true,
        },
      },
      {
        replaceOne: {
          filter: { _id: 'wings:youth' },
          replacement: { collection: 'wings', id: 'youth', doc: { code: 'youth' }, position: '12', positionKey: KEY_12 },
          upsert: true,
        },
      },
      { deleteOne: { filter: { _id: 'programmes:p0' } } },
    ]);
  });

  test('logs: replace-or-insert on the unique (log, group, key), never a bare insert', () => {
    expect(operations.logs).toEqual([
      {
        replaceOne: {
          filter: { log: 'history', group: 'p1', key: KEY_12 },
          replacement: { log: 'history', group: 'p1', key: KEY_12, entry: { position: '12', type: 'TaskLogged', data: { n: '12' } } },
          upsert: true,
        },
      },
    ]);
    expect(operations.logs.every((op) => !('insertOne' in op))).toBe(true);
  });

  test('checkpoints: replace-or-insert by name', () => {
    expect(operations.checkpoints).toEqual(
      ['programmes', 'wings', 'history'].map((name) => ({
        replaceOne: { filter: { _id: name }, replacement: { position: '12', positionKey: KEY_12 }, upsert: true },
      })),
    );
    expect(operations.stale).toEqual([]);
  });

  test('replacements never carry _id (the filter does) nor an update operator', () => {
    for (const op of [...operations.docs, ...operations.checkpoints]) {
      if ('replaceOne' in op) {
        expect(Object.keys(op.replaceOne.replacement)).not.toContain('_id');
        expect(Object.keys(op.replaceOne.replacement).some((key) => key.startsWith('$'))).toBe(false);
      }
    }
  });
});

describe('commitOperations: a batch delivered again, after the store moved on', () => {
  test('docs and checkpoints already at a later position are left alone; log entries are rewritten in place', () => {
    const ahead = positionKey('15');
    const operations = commitOperations(
      batchRows(batch),
      stored({ 'programmes:p1': ahead, 'wings:youth': ahead, 'programmes:p0': ahead }, { programmes: ahead, wings: ahead, history: ahead }),
    );
    expect(operations.docs).toEqual([]);
    expect(operations.checkpoints).toEqual([]);
    expect(operations.logs).toHaveLength(1);
    expect(operations.stale).toEqual(['programmes:p1', 'wings:youth', 'programmes:p0', 'checkpoint:programmes', 'checkpoint:wings', 'checkpoint:history']);
  });

  test('the same position again is written again (idempotent: same content)', () => {
    const operations = commitOperations(batchRows(batch), stored({ 'programmes:p1': KEY_12 }, { programmes: KEY_12 }));
    expect(operations.docs).toHaveLength(3);
    expect(operations.checkpoints).toHaveLength(3);
    expect(operations.stale).toEqual([]);
  });

  test('only the stale docs are skipped; older or unguarded rows are overwritten', () => {
    const operations = commitOperations(
      batchRows(batch),
      stored({ 'programmes:p1': positionKey('13'), 'wings:youth': positionKey('11'), 'programmes:p0': undefined }),
    );
    expect(operations.docs.map((op) => ('replaceOne' in op ? op.replaceOne.filter : 'deleteOne' in op ? op.deleteOne.filter : op))).toEqual([
      { _id: 'wings:youth' },
      { _id: 'programmes:p0' },
    ]);
    expect(operations.stale).toEqual(['programmes:p1']);
  });

  test('EventStoreDB positions compare by commit then prepare', () => {
    const rows = batchRows({ docs: [{ collection: 'c', id: 'a', doc: 1 }], checkpoints: { c: '1200/1100' } });
    expect(commitOperations(rows, stored({ 'c:a': positionKey('1200/1000') })).docs).toHaveLength(1);
    expect(commitOperations(rows, stored({ 'c:a': positionKey('99999/1') })).stale).toEqual(['c:a']);
  });
});

describe('commitOperations: batches that do not say their position', () => {
  test('docs are written unguarded, whatever is stored', () => {
    const rows = batchRows({ docs: [{ collection: 'c', id: 'a', doc: 1 }], checkpoints: {} });
    const operations = commitOperations(rows, stored({ 'c:a': positionKey('99') }));
    expect(operations.docs).toEqual([{ replaceOne: { filter: { _id: 'c:a' }, replacement: { collection: 'c', id: 'a', doc: 1 }, upsert: true } }]);
    expect(operations.checkpoints).toEqual([]);
  });

  test('an empty batch has no operations (bulkWrite refuses empty lists)', () => {
    const operations = commitOperations(batchRows({ docs: [], checkpoints: {} }), nothingStored);
    expect(operations).toEqual({ docs: [], logs: [], checkpoints: [], stale: [] });
  });

  test('a doc written twice in one batch: both in order, so the later one wins', () => {
    const rows = batchRows({
      docs: [
        { collection: 'c', id: 'a', doc: { v: 1 } },
        { collection: 'c', id: 'a', doc: { v: 2 } },
      ],
      checkpoints: { m: '4' },
    });
    const docs = commitOperations(rows, nothingStored).docs;
    expect(docs.map((op) => ('replaceOne' in op ? op.replaceOne.replacement.doc : undefined))).toEqual([{ v: 1 }, { v: 2 }]);
  });
});
