import { FirstScreen } from '../../services/web/page/FirstScreen';

/**
 * When the page goes on screen (issue 14): with its first board and the wing names, at once without
 * boards, at 600 ms saying it is loading; and the work that waits for the first frame.
 */
const globals = globalThis as unknown as Record<string, unknown>;

function screen(holds = false) {
  const calls: string[] = [];
  const state = { holds, ready: true };
  const first = new FirstScreen({
    attach: () => {
      if (state.ready) calls.push('attach');
      return state.ready;
    },
    draw: () => calls.push('draw'),
    holdsBoard: () => state.holds,
  });
  return { first, calls, state };
}

describe('the first screen', () => {
  let frames: (() => void)[] = [];
  beforeEach(() => {
    jest.useFakeTimers();
    frames = [];
    globals.requestAnimationFrame = (run: () => void) => frames.push(run);
  });
  afterEach(() => {
    jest.useRealTimers();
    delete globals.requestAnimationFrame;
  });

  it('goes on screen at once for a route without boards', () => {
    const { first, calls } = screen();
    first.start(0);
    expect(calls).toEqual(['attach']);
    expect(first.shown).toBe(true);
  });

  it('holds a board that came before the names, and draws it once when they come', () => {
    const { first, calls, state } = screen();
    first.start(1);
    expect(first.mayDraw()).toBe(false);
    state.holds = true;
    first.namesAnswered();
    expect(calls).toEqual(['draw', 'attach']);
    expect(first.mayDraw()).toBe(true);
    jest.advanceTimersByTime(1000);
    // The loading timer finds the page on screen: no second draw.
    expect(calls).toEqual(['draw', 'attach']);
  });

  it('names first, no board yet: the board draws itself when it comes; a slow board shows the page loading at 600 ms', () => {
    const { first, calls } = screen();
    first.start(1);
    first.namesAnswered();
    expect(calls).toEqual([]);
    expect(first.mayDraw()).toBe(true);
    jest.advanceTimersByTime(599);
    expect(first.shown).toBe(false);
    jest.advanceTimersByTime(1);
    expect(calls).toEqual(['draw', 'attach']);
  });

  it('is not on screen while the page cannot attach (its header not made yet)', () => {
    const { first, calls, state } = screen();
    state.ready = false;
    first.attach();
    expect(first.shown).toBe(false);
    state.ready = true;
    first.attach();
    first.attach();
    expect(calls).toEqual(['attach']);
  });

  it('runs waiting work after the first frame, or after 1 s when no frame comes, once; later work at once', () => {
    const framed = screen().first;
    const ran: string[] = [];
    framed.whenShown(() => ran.push('socket'));
    framed.attach();
    expect(ran).toEqual([]);
    for (const run of frames) run();
    jest.advanceTimersByTime(0);
    expect(ran).toEqual(['socket']);
    jest.advanceTimersByTime(1000);
    expect(ran).toEqual(['socket']);
    framed.whenShown(() => ran.push('later'));
    expect(ran).toEqual(['socket', 'later']);

    const hidden = screen().first;
    hidden.whenShown(() => ran.push('hidden'));
    hidden.attach();
    jest.advanceTimersByTime(999);
    expect(ran).not.toContain('hidden');
    jest.advanceTimersByTime(1);
    expect(ran).toContain('hidden');
  });
});
