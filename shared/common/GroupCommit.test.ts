import { GroupCommit } from './GroupCommit';

/** A queue of numbers committed in batches of at most `max`, each commit held until released. */
function queue(max: number) {
  const pending: number[] = [];
  const batches: number[][] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const releases: (() => void)[] = [];
  const commits = new GroupCommit(
    async () => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      batches.push(pending.splice(0, max));
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight -= 1;
    },
    () => pending.length > 0,
  );
  const add = (n: number) => {
    pending.push(n);
    commits.schedule();
  };
  const releaseAll = async () => {
    while (releases.length > 0 || pending.length > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { add, batches, commits, releases, releaseAll, mostInFlight: () => mostInFlight };
}

describe('GroupCommit: the scheduling of group commit', () => {
  it('takes what one macrotask asked in one commit, and what comes meanwhile in the next', async () => {
    const q = queue(100);
    for (let i = 0; i < 5; i++) q.add(i);
    expect(q.batches).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(q.batches).toEqual([[0, 1, 2, 3, 4]]);
    q.add(5);
    q.add(6);
    await new Promise((resolve) => setImmediate(resolve));
    // The first commit is still in flight: nothing overlaps it.
    expect(q.batches).toHaveLength(1);
    await q.releaseAll();
    expect(q.batches).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6],
    ]);
    expect(q.mostInFlight()).toBe(1);
  });

  it('commits again while work is left (a batch is bounded), and is idle only when all is done', async () => {
    const q = queue(2);
    for (let i = 0; i < 5; i++) q.add(i);
    let idle = false;
    const waiting = q.commits.idle().then(() => {
      idle = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    await q.releaseAll();
    await waiting;
    expect(q.batches).toEqual([[0, 1], [2, 3], [4]]);
    expect(idle).toBe(true);
    await expect(q.commits.idle()).resolves.toBeUndefined();
  });
});
