import { wholePreview } from '../../services/web/page/wholePreview';

const board = (cards: string[], columnTotals: Record<string, unknown>) => ({
  position: '7',
  programme: { id: 'p' },
  cards: Object.fromEntries(cards.map((id) => [id, { id }])),
  columnTotals,
});

describe("a programme's first cards that are the whole board (past SPEC perColumn)", () => {
  it('is the board without its totals when every card of every column came', () => {
    expect(wholePreview(board(['a', 'b', 'c'], { todo: 2, in_progress: 0, blocked: 1, done: 0 }))).toEqual({
      position: '7',
      programme: { id: 'p' },
      cards: { a: { id: 'a' }, b: { id: 'b' }, c: { id: 'c' } },
    });
    expect(wholePreview(board([], { todo: 0, in_progress: 0, blocked: 0, done: 0 }))).toEqual({ position: '7', programme: { id: 'p' }, cards: {} });
  });

  it('is not, when a column has more cards than came, or the body is not a preview', () => {
    expect(wholePreview(board(['a', 'b'], { todo: 31, in_progress: 0, blocked: 0, done: 0 }))).toBeUndefined();
    expect(wholePreview(board(['a'], { todo: '1' }))).toBeUndefined();
    const whole = { position: '7', cards: {} };
    expect(wholePreview(whole)).toBeUndefined();
  });
});
