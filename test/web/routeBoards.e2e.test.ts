import { BoardPage } from './BoardPage';
import { browserSuite, type Who } from './WebHarness';

/**
 * The page asks for a route's boards before it builds anything (issue 14, first paint), from
 * `routeBoards`; the view then watches its own `boards`. If the two ever disagreed, the view would
 * read a board of its own once it was built: late, and the page would wait 0.6 s to go on screen.
 * Here every board a freshly opened route reads must have been asked for before the page marked
 * `tayari:boards-asked`, i.e. by `routeBoards`.
 */
const suite = browserSuite('test/web/routeBoards.e2e.test.ts');

/**
 * Records every board read (a board GET, a drive's board) as the page sends it, with when: in-flight
 * reads count too, which Resource Timing (finished requests only) would miss.
 */
function recordReads(): void {
  const reads: { path: string; startTime: number }[] = [];
  Object.assign(window, { boardReads: reads });
  const send = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (/\/api\/boards\/|\/api\/drives\/[^/]+\/board/.test(url.pathname)) reads.push({ path: url.pathname + url.search, startTime: performance.now() });
    return send(input, init);
  };
}

/** The board reads sent so far, and when the page had asked for its route's boards. */
const READS = `({ asked: performance.getEntriesByName('tayari:boards-asked')[0]?.startTime, reads: window.boardReads })`;

suite("a route's boards are asked for before its view is built", () => {
  const web = new BoardPage();

  beforeAll(async () => {
    await web.start();
    await web.page.addInitScript(recordReads);
  }, 120_000);
  afterEach(() => web.expectCleanConsole());
  afterAll(() => web.close());

  const opened: [Who, string, number][] = [
    ['incharge', '/attention', 2],
    ['incharge', '/', 1],
    ['incharge', '/programme/TOUR', 1],
    ['incharge', '/wing/adivasi', 1],
    ['incharge', '/posts', 1],
    ['incharge', '/drive', 0],
    ['incharge', '/archive', 0],
    ['lead', '/programme/TOUR', 1],
    ['lead', '/wing', 1],
    ['organiser', '/mine', 1],
  ];

  it.each(opened)('%s at %s', async (who, route, boards) => {
    await web.page.goto('about:blank');
    await web.open(who, route.replace('TOUR', web.tourId));
    const { asked, reads } = (await web.page.evaluate(READS)) as { asked?: number; reads: { path: string; startTime: number }[] };
    expect(asked).toBeDefined();
    // Each of the route's boards read once (a short programme's first cards are its whole board), and no other.
    expect(reads).toHaveLength(boards);
    expect(new Set(reads.map((r) => r.path.split('?')[0])).size).toBe(boards);
    expect(reads.filter((r) => r.startTime > (asked ?? 0)).map((r) => r.path)).toEqual([]);
  });
});
