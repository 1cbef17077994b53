/** How long the page waits for its first board before it goes on screen saying it is loading. */
const SHOW_LOADING_AFTER_MS = 600;
/** How long work waiting for the first frame (whenShown) waits at most, when no frame comes (a hidden tab). */
const SHOWN_AT_MOST_MS = 1_000;

/** What the page does for its first screen. */
export interface FirstScreenParts {
  /** Puts the page on screen; false while it cannot be yet (its header is not made). */
  attach(): boolean;
  /** Draws the current view from what the page holds. */
  draw(): void;
  /** Whether the current view holds a board to draw. */
  holdsBoard(): boolean;
}

/**
 * When the page goes on screen (issue 14, first paint): with its first board drawn, not as an empty
 * frame laid out just before it (on a slow phone that frame costs as much as the board); the board
 * waits for the wing names, asked for beside it, so that a name replacing its code moves nothing;
 * a route without boards at once; a slow answer after SHOW_LOADING_AFTER_MS, saying it is loading.
 * Work that needs no main thread before the first frame waits for it (whenShown).
 */
export class FirstScreen {
  private attached = false;
  private namesTried = false;
  /** Work waiting for the first frame; undefined once it is painted. */
  private waiting: (() => void)[] | undefined = [];

  constructor(private readonly parts: FirstScreenParts) {}

  /** Whether the page is on screen. */
  get shown(): boolean {
    return this.attached;
  }

  /** The route's first boards were asked for (`boards`: how many). */
  start(boards: number): void {
    if (boards === 0) this.attach();
    else
      setTimeout(() => {
        if (this.attached) return;
        this.parts.draw();
        this.attach();
      }, SHOW_LOADING_AFTER_MS);
  }

  /** A board of the view came: whether it is drawn now (before the page is on screen, it waits for the names). */
  mayDraw(): boolean {
    return this.attached || this.namesTried;
  }

  /** The wing names came, or their first read failed: the first board waits no longer. */
  namesAnswered(): void {
    this.namesTried = true;
    if (this.attached || !this.parts.holdsBoard()) return;
    this.parts.draw();
    this.attach();
  }

  /** Puts the page on screen (once), and runs the waiting work after its first frame. */
  attach(): void {
    if (this.attached || !this.parts.attach()) return;
    this.attached = true;
    performance.mark('tayari:shown');
    // After the frame that shows it; a hidden tab paints no frame, so a timer stands in.
    const run = (): void => {
      const queue = this.waiting;
      this.waiting = undefined;
      for (const work of queue ?? []) work();
    };
    requestAnimationFrame(() => setTimeout(run, 0));
    setTimeout(run, SHOWN_AT_MOST_MS);
  }

  /** Runs `work` once the page's first frame is painted (at once after that). */
  whenShown(work: () => void): void {
    if (this.waiting) this.waiting.push(work);
    else work();
  }
}
