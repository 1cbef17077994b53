import { fromEsdbEvent } from './fromEsdbEvent';
import { esdbPosition } from './esdbPosition';

const base = {
  id: '6f1c2b1e-6a0f-5c3b-8d2e-1a2b3c4d5e6f',
  streamId: 'tour-1',
  type: 'StopAdded',
  data: { stopId: 's1', place: 'पुणे' },
  metadata: { actor: 'u1' },
};

describe('fromEsdbEvent', () => {
  test('version is revision + 1 and the position is encoded', () => {
    const recorded = fromEsdbEvent({ ...base, revision: 0n, position: { commit: 300n, prepare: 300n } });
    expect(recorded).toEqual({
      ...base,
      version: 1,
      position: esdbPosition.encode({ commit: 300n, prepare: 300n }),
    });
  });

  test('positions past 2^53 are kept exactly', () => {
    const commit = 2n ** 53n + 1n;
    const recorded = fromEsdbEvent({ ...base, revision: 41n, position: { commit, prepare: commit } });
    expect(recorded.version).toBe(42);
    expect(esdbPosition.decode(recorded.position).commit).toBe(commit);
  });

  test('refuses an event without a $all position (servers before 22.6, stream reads)', () => {
    expect(() => fromEsdbEvent({ ...base, revision: 0n })).toThrow(/22\.6/);
    const none = 2n ** 64n - 1n;
    expect(() => fromEsdbEvent({ ...base, revision: 0n, position: { commit: none, prepare: none } })).toThrow(/22\.6/);
  });

  test('refuses a revision that a number cannot hold', () => {
    const position = { commit: 1n, prepare: 1n };
    expect(() => fromEsdbEvent({ ...base, revision: BigInt(Number.MAX_SAFE_INTEGER), position })).toThrow(RangeError);
  });
});
