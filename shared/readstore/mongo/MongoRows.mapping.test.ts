import type { LogWrite, ReadBatch } from '../ReadStore';
import { positionKey } from '../positionKey';
import { batchRows } from './batchRows';
import { databaseNameOf } from './databaseNameOf';
import { docPosition } from './docPosition';
import { jsonValue } from './jsonValue';
import { docIdOf, toDocRow } from './toDocRow';
import { toLogRow } from './toLogRow';

function entry(programmeId: string, position: string, data: unknown = { programmeId, text: 'नमस्ते' }): LogWrite {
  return {
    log: 'history',
    group: programmeId,
    key: positionKey(position),
    entry: { position, type: 'TaskLogged', at: '2018-06-26T05:30:00.000Z', actor: { sub: 'u1', name: 'प्रभारी', role: 'incharge' }, data },
  };
}

describe('docs ↔ rows', () => {
  test('_id is <collection>:<id>; the model is kept whole under `doc`, beside collection and id', () => {
    const doc = { id: 'p1', title: 'बस्तर दौरा', nested: { list: [1, 2, { deep: null }] }, flag: true };
    expect(toDocRow({ collection: 'programmes', id: 'p1', doc }, '42')).toEqual({
      _id: 'programmes:p1',
      collection: 'programmes',
      id: 'p1',
      doc,
      position: '42',
      positionKey: positionKey('42'),
    });
  });

  test('without a known position the row has no position fields (written unguarded)', () => {
    const row = toDocRow({ collection: 'c', id: 'a', doc: 1 }, undefined);
    expect(row).toEqual({ _id: 'c:a', collection: 'c', id: 'a', doc: 1 });
    expect('positionKey' in row).toBe(false);
  });

  test('EventStoreDB positions are kept as given and keyed by positionKey', () => {
    expect(toDocRow({ collection: 'c', id: 'a', doc: {} }, '1200/1100')).toMatchObject({
      position: '1200/1100',
      positionKey: '00000000000000001200/00000000000000001100',
    });
  });

  test('ids may hold anything; collection names may not hold ":" (so _id stays unambiguous)', () => {
    expect(docIdOf('wings', 'a:b')).toBe('wings:a:b');
    expect(() => docIdOf('a:b', 'c')).toThrow(/collection name/);
    expect(() => docIdOf('', 'c')).toThrow(/collection name/);
  });

  test('models are stored as JSON would carry them (as the embedded store returns them)', () => {
    const row = toDocRow({ collection: 'c', id: 'a', doc: { when: new Date('2018-06-26T05:30:00Z'), gone: undefined, list: [undefined, -0] } }, undefined);
    expect(row.doc).toEqual({ when: '2018-06-26T05:30:00.000Z', list: [null, 0] });
    expect(Object.keys(row.doc as object)).toEqual(['when', 'list']);
  });

  test('a model that is not JSON is refused before any I/O', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => toDocRow({ collection: 'c', id: 'a', doc: circular }, undefined)).toThrow(TypeError);
    expect(() => toDocRow({ collection: 'c', id: 'a', doc: undefined }, undefined)).toThrow(/not JSON/);
    expect(() => jsonValue({ big: 1n }, 'x')).toThrow(TypeError);
    expect(jsonValue('text', 'x')).toBe('text');
    expect(jsonValue(null, 'x')).toBeNull();
  });
});

describe('log entries ↔ rows', () => {
  test('a row holds the log, group, key and the entry whole', () => {
    const written = entry('p1', '5');
    expect(toLogRow(written)).toEqual({ log: 'history', group: 'p1', key: '00000000000000000005', entry: written.entry });
  });

  test('keys order rows like positions (the string order MongoDB sorts by), for both stores', () => {
    const order = (positions: string[]) => {
      const rows = positions.map((p) => ({ p, row: toLogRow(entry('p1', p)) }));
      return rows.sort((a, b) => (a.row.key < b.row.key ? -1 : 1)).map(({ p }) => p);
    };
    expect(order(['2', '10', '9', '100', '1'])).toEqual(['1', '2', '9', '10', '100']);
    expect(order(['1200/1100', '99/99', '1200/1000', '100000/5'])).toEqual(['99/99', '1200/1000', '1200/1100', '100000/5']);
  });

  test('an entry that is not JSON is refused', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => toLogRow(entry('p1', '1', circular))).toThrow(TypeError);
  });
});

describe('docPosition: which position a batch brings a collection to', () => {
  const batch = (checkpoints: Record<string, string>): ReadBatch => ({ docs: [], checkpoints });

  test('the checkpoint named after the collection', () => {
    expect(docPosition(batch({ programmes: '7', wings: '9' }), 'programmes')).toBe('7');
  });

  test('else the one position all checkpoints share', () => {
    expect(docPosition(batch({ m: '3', history: '3' }), 'c')).toBe('3');
  });

  test('else none: no checkpoint, or checkpoints that disagree', () => {
    expect(docPosition(batch({}), 'c')).toBeUndefined();
    expect(docPosition(batch({ a: '3', b: '4' }), 'c')).toBeUndefined();
  });

  test('inherited names do not count', () => {
    expect(docPosition(batch({ a: '3', b: '4' }), 'toString')).toBeUndefined();
  });
});

describe('batchRows', () => {
  test('maps docs, deletes, log entries and checkpoints with their position keys', () => {
    const rows = batchRows({
      docs: [{ collection: 'programmes', id: 'p1', doc: { v: 1 } }],
      deletes: [{ collection: 'programmes', id: 'p0' }],
      logs: [entry('p1', '12')],
      checkpoints: { programmes: '12', history: '12' },
    });
    expect(rows.docs).toEqual([{ _id: 'programmes:p1', collection: 'programmes', id: 'p1', doc: { v: 1 }, position: '12', positionKey: positionKey('12') }]);
    expect(rows.deletes).toEqual([{ _id: 'programmes:p0', positionKey: positionKey('12') }]);
    expect(rows.logs).toEqual([toLogRow(entry('p1', '12'))]);
    expect(rows.checkpoints).toEqual([
      { _id: 'programmes', position: '12', positionKey: positionKey('12') },
      { _id: 'history', position: '12', positionKey: positionKey('12') },
    ]);
  });

  test('a checkpoint that is not a position fails the batch before any I/O', () => {
    expect(() => batchRows({ docs: [], checkpoints: { m: 'latest' } })).toThrow(/not a position/);
  });
});

describe('databaseNameOf', () => {
  test.each([
    ['mongodb://mongo:27017/tayari?replicaSet=rs0', 'tayari'],
    ['mongodb://u:p@a:1,b:2/read_models', 'read_models'],
    ['mongodb+srv://cluster0.example.net/tayari?retryWrites=true', 'tayari'],
    ['mongodb://a:1/t%2Dx', 't-x'],
    ['mongodb://mongo:27017/?replicaSet=rs0', undefined],
    ['mongodb://mongo:27017', undefined],
    ['mongodb://mongo:27017/', undefined],
  ])('%s → %s', (uri, name) => {
    expect(databaseNameOf(uri)).toBe(name);
  });
});
