import type { LogWrite, ReadStore } from '../ReadStore';
import { positionKey } from '../positionKey';

/**
 * The behaviour every ReadStore adapter promises, as one jest suite: `readStoreContract('sqlite',
 * () => open…())`. Each test gets a fresh, empty store from `make`.
 */
export function readStoreContract(name: string, make: () => Promise<ReadStore>): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore;

    beforeEach(async () => {
      store = await make();
    });

    afterEach(async () => {
      await store?.close();
    });

    it('starts empty', async () => {
      expect(await store.checkpoints()).toEqual({});
      expect(await store.get('programmes', 'p1')).toBeUndefined();
      expect(await store.all('programmes')).toEqual([]);
      expect(await store.log('history', 'p1', undefined, 10)).toEqual([]);
      expect(await store.logBefore('history', 'p1', undefined, 10)).toEqual([]);
      expect(typeof store.kind).toBe('string');
    });

    it('commits docs, log entries and checkpoints, and reads them back unchanged', async () => {
      const doc = { id: 'p1', title: 'बस्तर दौरा — Bastar tour', nested: { list: [1, 2, { deep: null }] }, flag: true };
      await store.commit({
        docs: [{ collection: 'programmes', id: 'p1', doc }],
        logs: [entry('p1', '1', 'TourPlanned')],
        checkpoints: { programmes: '1', history: '1' },
      });
      expect(await store.get('programmes', 'p1')).toEqual(doc);
      expect(await store.all('programmes')).toEqual([doc]);
      expect(await store.log('history', 'p1', undefined, 10)).toEqual([entry('p1', '1', 'TourPlanned').entry]);
      expect(await store.checkpoints()).toEqual({ programmes: '1', history: '1' });
    });

    it('replaces a doc and a checkpoint written again', async () => {
      await store.commit({ docs: [{ collection: 'c', id: 'a', doc: { v: 1 } }], checkpoints: { m: '1' } });
      await store.commit({ docs: [{ collection: 'c', id: 'a', doc: { v: 2 } }], checkpoints: { m: '2' } });
      expect(await store.get('c', 'a')).toEqual({ v: 2 });
      expect(await store.all('c')).toEqual([{ v: 2 }]);
      expect(await store.checkpoints()).toEqual({ m: '2' });
    });

    it('keeps collections apart, and lists a collection by id', async () => {
      await store.commit({
        docs: [
          { collection: 'wings', id: 'youth', doc: { code: 'youth' } },
          { collection: 'wings', id: 'adivasi', doc: { code: 'adivasi' } },
          { collection: 'programmes', id: 'youth', doc: { id: 'youth', kind: 'tour' } },
        ],
        checkpoints: {},
      });
      expect(await store.all('wings')).toEqual([{ code: 'adivasi' }, { code: 'youth' }]);
      expect(await store.get('programmes', 'youth')).toEqual({ id: 'youth', kind: 'tour' });
      expect(await store.get('wings', 'nobody')).toBeUndefined();
    });

    it("reads a group's docs of one collection, by id, and follows a doc that moves to another group", async () => {
      await store.commit({
        docs: [
          { collection: 'tasks', id: 'k2', group: 't1', doc: { id: 'k2' } },
          { collection: 'tasks', id: 'k1', group: 't1', doc: { id: 'k1' } },
          { collection: 'tasks', id: 'k3', group: 't2', doc: { id: 'k3' } },
          { collection: 'duties', id: 'r1', group: 't1', doc: { id: 'r1' } },
          { collection: 'tasks', id: 'k4', doc: { id: 'k4' } },
        ],
        checkpoints: {},
      });
      expect(await store.group('tasks', 't1')).toEqual([{ id: 'k1' }, { id: 'k2' }]);
      expect(await store.group('duties', 't1')).toEqual([{ id: 'r1' }]);
      expect(await store.group('tasks', 'nothing')).toEqual([]);
      await store.commit({ docs: [{ collection: 'tasks', id: 'k2', group: 't2', doc: { id: 'k2', v: 2 } }], checkpoints: {} });
      expect(await store.group('tasks', 't1')).toEqual([{ id: 'k1' }]);
      expect(await store.group('tasks', 't2')).toEqual([{ id: 'k2', v: 2 }, { id: 'k3' }]);
      expect(await store.all('tasks')).toHaveLength(4);
    });

    it('removes deleted docs in the same commit', async () => {
      await store.commit({
        docs: [
          { collection: 'c', id: 'a', doc: 1 },
          { collection: 'c', id: 'b', doc: 2 },
        ],
        checkpoints: {},
      });
      await store.commit({ docs: [], deletes: [{ collection: 'c', id: 'a' }], checkpoints: { m: '3' } });
      expect(await store.all('c')).toEqual([2]);
      expect(await store.checkpoints()).toEqual({ m: '3' });
    });

    it('reads a log by key both ways (positions in order, not text order), after a key, per group and per log', async () => {
      const positions = ['2', '10', '9', '100', '1'];
      // Another group's and another log's entries newer than every p1 entry: a read that mixed them in would start with them.
      await store.commit({
        docs: [],
        logs: [...positions.map((p) => entry('p1', p, `E${p}`)), entry('p2', '300', 'Other'), { ...entry('p1', '400', 'Elsewhere'), log: 'audit' }],
        checkpoints: {},
      });
      expect(typesOf(await store.log('history', 'p1', undefined, 100))).toEqual(['E1', 'E2', 'E9', 'E10', 'E100']);
      expect(typesOf(await store.log('history', 'p1', positionKey('2'), 2))).toEqual(['E9', 'E10']);
      expect(await store.log('history', 'p1', positionKey('100'), 2)).toEqual([]);
      expect(typesOf(await store.log('history', 'p2', undefined, 10))).toEqual(['Other']);
      expect(typesOf(await store.log('audit', 'p1', undefined, 10))).toEqual(['Elsewhere']);
      expect(await store.log('history', 'p1', undefined, 0)).toEqual([]);
      expect(typesOf(await store.logBefore('history', 'p1', undefined, 100))).toEqual(['E100', 'E10', 'E9', 'E2', 'E1']);
      expect(typesOf(await store.logBefore('history', 'p2', undefined, 10))).toEqual(['Other']);
      expect(typesOf(await store.logBefore('audit', 'p1', undefined, 10))).toEqual(['Elsewhere']);
      expect(await store.logBefore('history', 'nobody', undefined, 10)).toEqual([]);
      expect(await store.logBefore('history', 'nobody', positionKey('5'), 10)).toEqual([]);
    });

    it('pages a log newest first: at most limit, and strictly before a key (never the entry at it)', async () => {
      await store.commit({ docs: [], logs: ['1', '2', '9', '10', '100'].map((p) => entry('p1', p, `E${p}`)), checkpoints: {} });
      expect(typesOf(await store.logBefore('history', 'p1', undefined, 2))).toEqual(['E100', 'E10']);
      expect(typesOf(await store.logBefore('history', 'p1', positionKey('10'), 2))).toEqual(['E9', 'E2']);
      expect(typesOf(await store.logBefore('history', 'p1', positionKey('2'), 5))).toEqual(['E1']);
      // A key between entries: what lies before it.
      expect(typesOf(await store.logBefore('history', 'p1', positionKey('50'), 10))).toEqual(['E10', 'E9', 'E2', 'E1']);
      expect(await store.logBefore('history', 'p1', positionKey('1'), 10)).toEqual([]);
      expect(await store.logBefore('history', 'p1', undefined, 0)).toEqual([]);
    });

    it('keeps one entry for a log entry delivered twice', async () => {
      await store.commit({ docs: [], logs: [entry('p1', '5', 'TaskLogged')], checkpoints: {} });
      await store.commit({ docs: [], logs: [entry('p1', '5', 'TaskLogged')], checkpoints: {} });
      expect(await store.log('history', 'p1', undefined, 10)).toHaveLength(1);
    });

    it('writes nothing of a batch that fails part way (models never ahead of or behind the checkpoint)', async () => {
      await store.commit({ docs: [{ collection: 'c', id: 'a', doc: { v: 1 } }], checkpoints: { m: '1' } });
      const circular: Record<string, unknown> = { name: 'loop' };
      circular.self = circular;
      await expect(
        store.commit({
          docs: [
            { collection: 'c', id: 'a', doc: { v: 2 } },
            { collection: 'c', id: 'b', doc: { v: 2 } },
            { collection: 'c', id: 'bad', doc: circular },
          ],
          logs: [entry('p1', '2', 'TaskLogged')],
          checkpoints: { m: '2' },
        }),
      ).rejects.toThrow();
      expect(await store.all('c')).toEqual([{ v: 1 }]);
      expect(await store.log('history', 'p1', undefined, 10)).toEqual([]);
      expect(await store.checkpoints()).toEqual({ m: '1' });
    });

    it('clears every model and checkpoint', async () => {
      await store.commit({
        docs: [{ collection: 'c', id: 'a', doc: 1 }],
        logs: [entry('p1', '1', 'TourPlanned')],
        checkpoints: { m: '1' },
      });
      await store.clear();
      expect(await store.all('c')).toEqual([]);
      expect(await store.log('history', 'p1', undefined, 10)).toEqual([]);
      expect(await store.checkpoints()).toEqual({});
    });
  });
}

/** The `type` of each entry read back, to compare orders at a glance. */
const typesOf = (entries: unknown[]) => entries.map((e) => (typeof e === 'object' && e !== null && 'type' in e ? e.type : undefined));

function entry(programmeId: string, position: string, type: string): LogWrite {
  return {
    log: 'history',
    group: programmeId,
    key: positionKey(position),
    entry: { position, type, at: '2018-06-26T05:30:00.000Z', actor: { sub: 'u1', name: 'प्रभारी', role: 'incharge' }, data: { programmeId, text: 'नमस्ते' } },
  };
}
