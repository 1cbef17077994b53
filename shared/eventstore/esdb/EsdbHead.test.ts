import type { Position as EsdbPosition } from '@eventstore/db-client';
import { EsdbHead, type HeadCandidate } from './EsdbHead';

/** $all as a list (oldest first) of events, ours or not; reads are counted. */
function log(owns: boolean[]) {
  const events: HeadCandidate[] = owns.map((own, i) => ({ position: { commit: BigInt(i + 1) * 10n, prepare: BigInt(i + 1) * 10n }, own }));
  const reads: { from: EsdbPosition | undefined; count: number; returned: number }[] = [];
  const readBackwards = async (from: EsdbPosition | undefined, count: number) => {
    const newestFirst = [...events].reverse();
    const start = from === undefined ? 0 : newestFirst.findIndex((e) => e.position.commit <= from.commit);
    const page = start < 0 ? [] : newestFirst.slice(start, start + count);
    reads.push({ from, count, returned: page.length });
    return page;
  };
  const append = (own: boolean) => {
    const i = events.length;
    events.push({ position: { commit: BigInt(i + 1) * 10n, prepare: BigInt(i + 1) * 10n }, own });
  };
  const examined = () => reads.reduce((sum, r) => sum + r.returned, 0);
  return { events, reads, readBackwards, append, examined };
}

const commit = (position: EsdbPosition | undefined) => position?.commit;

describe('EsdbHead', () => {
  test('an empty $all has no head', async () => {
    const all = log([]);
    expect(await new EsdbHead().read(all.readBackwards)).toBeUndefined();
  });

  test('finds the newest of our events behind other streams’ events', async () => {
    const all = log([true, true, false, false, false]);
    expect(commit(await new EsdbHead().read(all.readBackwards))).toBe(20n);
  });

  test('a second read examines only what was appended since', async () => {
    const all = log([true, ...Array<boolean>(100).fill(false)]);
    const head = new EsdbHead();
    expect(commit(await head.read(all.readBackwards))).toBe(10n);
    const before = all.examined();
    // Every page after the first starts with the event the previous one ended at.
    expect(before).toBeLessThanOrEqual(101 + all.reads.length);
    all.append(false);
    all.append(false);
    expect(commit(await head.read(all.readBackwards))).toBe(10n);
    expect(all.examined() - before).toBeLessThanOrEqual(8); // one first page: the two new ones and where it stopped
    all.append(true);
    expect(commit(await head.read(all.readBackwards))).toBe(1040n);
  });

  test('never examines more than its limit in one call; an unfinished scan goes on at the next call', async () => {
    const all = log([true, ...Array<boolean>(250).fill(false)]);
    const head = new EsdbHead(100);
    expect(await head.read(all.readBackwards)).toBeUndefined(); // nothing known yet
    expect(all.examined()).toBeLessThanOrEqual(100 + all.reads.length);
    const first = all.examined();
    expect(await head.read(all.readBackwards)).toBeUndefined();
    expect(all.examined() - first).toBeLessThanOrEqual(100 + 10);
    expect(commit(await head.read(all.readBackwards))).toBe(10n);
    // From now on only the new tail is read.
    const before = all.examined();
    expect(commit(await head.read(all.readBackwards))).toBe(10n);
    expect(all.examined() - before).toBeLessThanOrEqual(8); // one first page
  });

  test('positions observed from appends and the subscription answer at once', async () => {
    const all = log(Array<boolean>(500).fill(false));
    const head = new EsdbHead(64);
    head.observe({ commit: 5000n, prepare: 5000n });
    head.observe({ commit: 4000n, prepare: 4000n }); // older: ignored
    expect(commit(await head.read(all.readBackwards))).toBe(5000n);
    expect(all.examined()).toBeLessThanOrEqual(64);
  });
});
