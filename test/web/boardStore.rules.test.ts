import { boardKey, filterQuery, parseBoardKey } from '../../shared/contract/boardKey';
import { BoardStore } from '../../services/web/page/BoardStore';
import { byOrder } from '../../services/web/page/byOrder';
import { columnsOf } from '../../shared/contract/columnsOf';
import { parseLiveMessage } from '../../services/web/page/parseLiveMessage';
import type { Card } from '../../services/web/page/types';
import { testCard } from './testCard';

const card = testCard;

const board = (cards: Card[]) => ({ position: '10', cards: Object.fromEntries(cards.map((c) => [c.id, c])) });
const shownCards = (store: BoardStore) => (store.get('programme:p')?.data as { cards: Record<string, Card> } | undefined)?.cards ?? {};

describe('how the page holds live boards (SPEC v2: snapshots and merge patches)', () => {
  it('applies patches in order: a card changes column, a removed card leaves, fields left out stay out', () => {
    const store = new BoardStore();
    store.snapshot('programme:p', '10', board([card('a', 'todo', '2'), card('b', 'todo', '1'), card('c', 'done', '3')]));
    expect(store.patch('programme:p', '10', '12', { position: '12', cards: { a: { status: 'in_progress' }, c: null } })).toBe('applied');
    const columns = columnsOf(shownCards(store));
    expect(Object.fromEntries(Object.entries(columns).map(([s, cs]) => [s, cs.map((c) => c.id)]))).toEqual({
      todo: ['b'],
      in_progress: ['a'],
      blocked: [],
      done: [],
    });
    expect(store.get('programme:p')?.position).toBe('12');
    // A patch at the same position (the clock moved the board) is applied too.
    expect(store.patch('programme:p', '12', '12', { cards: { b: { overdue: true } } })).toBe('applied');
    expect(shownCards(store).b?.overdue).toBe(true);
  });

  it('says when a snapshot is of the very board shown already (the first GET’s position), which need not be drawn again', () => {
    const store = new BoardStore();
    expect(store.snapshot('programme:p', '10', board([card('a', 'todo', '1')]))).toBe(false);
    expect(store.read('programme:p', '12', board([card('a', 'done', '1')]))).toBe(true);
    expect(store.snapshot('programme:p', '12', board([card('a', 'done', '1')]))).toBe(true);
    expect(store.snapshot('programme:p', '13', board([card('a', 'todo', '1')]))).toBe(false);
    expect(shownCards(store).a?.status).toBe('todo');
  });

  it('keeps an unchanged card the same object, so its view is only refreshed', () => {
    const store = new BoardStore();
    store.snapshot('programme:p', '10', board([card('a', 'todo', '1'), card('b', 'todo', '2')]));
    const before = shownCards(store).b;
    store.patch('programme:p', '10', '11', { cards: { a: { status: 'done' } } });
    expect(shownCards(store).b).toBe(before);
  });

  it('takes a patch from another position as a gap: keeps showing, waits for the snapshot it asks for', () => {
    const store = new BoardStore();
    store.snapshot('programme:p', '10', board([card('a', 'todo', '1')]));
    expect(store.patch('programme:p', '11', '12', { cards: { a: { status: 'done' } } })).toBe('missed');
    expect(shownCards(store).a?.status).toBe('todo');
    // The resubscribe goes without `since`, and patches in flight before the snapshot are not applied.
    expect(store.livePositionOf('programme:p')).toBeUndefined();
    expect(store.patch('programme:p', '12', '13', { cards: { a: { status: 'done' } } })).toBe('waiting');
    store.snapshot('programme:p', '13', board([card('a', 'done', '1')]));
    expect(shownCards(store).a?.status).toBe('done');
    expect(store.patch('programme:p', '13', '14', { cards: { a: { status: 'todo' } } })).toBe('applied');
  });

  it('shows a newer GET until the socket catches up, and never patches from a GET', () => {
    const store = new BoardStore();
    store.snapshot('programme:p', '10', board([card('a', 'todo', '1')]));
    expect(store.read('programme:p', '12', board([card('a', 'done', '1')]))).toBe(true);
    expect(shownCards(store).a?.status).toBe('done');
    expect(store.livePositionOf('programme:p')).toBe('10');
    // The socket's patch to 11 is still behind what is shown; the next one passes it.
    expect(store.patch('programme:p', '10', '11', { cards: { a: { status: 'in_progress' } } })).toBe('applied');
    expect(shownCards(store).a?.status).toBe('done');
    expect(store.patch('programme:p', '11', '12', { cards: { a: { status: 'done' } } })).toBe('applied');
    expect(store.patch('programme:p', '12', '13', { cards: { a: { status: 'blocked', blockedReason: 'rain' } } })).toBe('applied');
    expect(shownCards(store).a).toMatchObject({ status: 'blocked', blockedReason: 'rain' });
    // A slow GET older than what is shown is dropped; one at the same position is taken (the clock).
    expect(store.read('programme:p', '9', board([]))).toBe(false);
    expect(store.read('programme:p', '13', board([]))).toBe(true);
  });

  it('subscribes from a first GET: its copy becomes the chain the socket patches from', () => {
    const store = new BoardStore();
    expect(store.subscribeFrom('programme:p')).toBeUndefined();
    store.read('programme:p', '12', board([card('a', 'todo', '1')]));
    expect(store.livePositionOf('programme:p')).toBeUndefined();
    expect(store.subscribeFrom('programme:p')).toBe('12');
    expect(store.livePositionOf('programme:p')).toBe('12');
    // The server re-bases its first patch on `since`.
    expect(store.patch('programme:p', '12', '15', { cards: { a: { status: 'done' } } })).toBe('applied');
    expect(shownCards(store).a?.status).toBe('done');
    // With a chain, a later GET does not replace it: `since` stays the socket's position.
    store.read('programme:p', '16', board([card('a', 'blocked', '1')]));
    expect(store.subscribeFrom('programme:p')).toBe('15');
    expect(shownCards(store).a?.status).toBe('blocked');
  });

  it("shows a preview (each column's first cards) until the whole board comes, never patching or subscribing from it", () => {
    const store = new BoardStore();
    expect(store.preview('programme:p', '12', board([card('a', 'todo', '1')]))).toBe(true);
    expect(shownCards(store).a?.status).toBe('todo');
    // Only part of the board: no `since` (the socket sends a snapshot), no patch applies to it.
    expect(store.subscribeFrom('programme:p')).toBeUndefined();
    expect(store.patch('programme:p', '12', '13', { cards: { a: { status: 'done' } } })).toBe('waiting');
    expect(store.holdsWhole('programme:p')).toBe(false);
    // The whole board replaces it, even at the same position; a second preview is not taken.
    expect(store.read('programme:p', '12', board([card('a', 'todo', '1'), card('b', 'todo', '2')]))).toBe(true);
    expect(Object.keys(shownCards(store)).sort()).toEqual(['a', 'b']);
    expect(store.holdsWhole('programme:p')).toBe(true);
    expect(store.preview('programme:p', '14', board([]))).toBe(false);
    expect(store.subscribeFrom('programme:p')).toBe('12');
    // A snapshot replaces a preview too.
    store.preview('programme:q', '5', board([card('x', 'todo', '1')]));
    // Not "the same board already shown": the page draws it.
    expect(store.snapshot('programme:q', '5', board([card('x', 'done', '1')]))).toBe(false);
    expect(store.get('programme:q')?.data).toEqual(board([card('x', 'done', '1')]));
  });

  it('sorts keyed parts by their order strings, as plain strings', () => {
    expect(byOrder({ x: { order: 'b' }, y: { order: 'B' }, z: { order: '~' }, w: { order: '2026-06-26T05:30:00.000Z 10' } }).map((i) => i.order)).toEqual([
      '2026-06-26T05:30:00.000Z 10',
      'B',
      'b',
      '~',
    ]);
  });
});

describe('what the page reads from the socket (protocol v2)', () => {
  it('reads snapshots, patches and errors', () => {
    expect(parseLiveMessage('{"type":"snapshot","board":"readiness","position":"5","data":{"programmes":{}}}')).toEqual({
      type: 'snapshot',
      board: 'readiness',
      position: '5',
      data: { programmes: {} },
    });
    expect(parseLiveMessage('{"type":"patch","board":"wing:youth","from":5,"position":"7","patch":{"cards":{"a":null}}}')).toEqual({
      type: 'patch',
      board: 'wing:youth',
      from: '5',
      position: '7',
      patch: { cards: { a: null } },
    });
    expect(parseLiveMessage('{"type":"error","code":"unknown-board","message":"no","board":"wing:x"}')).toEqual({
      type: 'error',
      code: 'unknown-board',
      message: 'no',
      board: 'wing:x',
    });
  });

  it('skips what is not a v2 board message', () => {
    for (const raw of [
      '{"type":"update","board":"readiness","position":"5","data":{}}',
      '{"type":"patch","board":"readiness","position":"5","patch":{}}',
      '{"type":"patch","board":"readiness","from":"4","position":"5","patch":null}',
      '{"type":"patch","board":"readiness","from":"4","position":"5","patch":[1]}',
      '{"type":"snapshot","board":"readiness","data":{}}',
      'not json',
      '[]',
    ]) {
      expect(parseLiveMessage(raw)).toBeUndefined();
    }
  });
});

describe('boards held by board and filter (SPEC v2 board filters)', () => {
  const wingCard = (id: string, wing: string, status: Card['status'] = 'todo'): Card => ({ ...card(id, status, id), wing });
  const cardsOf = (store: BoardStore, key: string) => Object.keys((store.get(key)?.data as { cards: Record<string, Card> } | undefined)?.cards ?? {}).sort();

  it('names a filtered board apart from the whole board, in a fixed order, and reads the key back', () => {
    expect(boardKey('programme:p')).toBe('programme:p');
    expect(boardKey('programme:p', {})).toBe('programme:p');
    expect(boardKey('programme:p', { wing: 'adivasi' })).toBe('programme:p?wing=adivasi');
    expect(boardKey('programme:p', { overdue: true, wing: 'a b', status: ['todo', 'blocked'] })).toBe(
      'programme:p?wing=a+b&status=blocked%2Ctodo&overdue=true',
    );
    expect(boardKey('programme:p', { overdue: false })).toBe('programme:p');
    expect(parseBoardKey('programme:p')).toEqual({ board: 'programme:p' });
    expect(parseBoardKey('programme:p?wing=adivasi')).toEqual({ board: 'programme:p', filter: { wing: 'adivasi' } });
    const filter = { wing: 'युवा', stop: 's1', status: ['blocked', 'todo'] as Card['status'][], assignee: 'A & B', q: 'मंच?', overdue: true, blocked: true };
    expect(parseBoardKey(boardKey('programme:p', filter))).toEqual({ board: 'programme:p', filter });
    expect(filterQuery({ wing: 'adivasi' })).toBe('wing=adivasi');
  });

  it('never mixes the wing’s board with the whole board: snapshots, patches, reads and since stay apart', () => {
    const store = new BoardStore();
    const all = 'programme:p';
    const wing = boardKey(all, { wing: 'adivasi' });
    store.snapshot(all, '10', board([wingCard('a', 'adivasi'), wingCard('y', 'youth')]));
    store.snapshot(wing, '10', board([wingCard('a', 'adivasi')]));
    expect(store.patch(wing, '10', '11', { cards: { b: wingCard('b', 'adivasi') } })).toBe('applied');
    expect(cardsOf(store, wing)).toEqual(['a', 'b']);
    expect(cardsOf(store, all)).toEqual(['a', 'y']);
    expect(store.livePositionOf(wing)).toBe('11');
    expect(store.livePositionOf(all)).toBe('10');
    // A read of one is not the other's; a gap in one leaves the other's chain alone.
    expect(store.read(all, '12', board([wingCard('a', 'adivasi'), wingCard('b', 'adivasi'), wingCard('y', 'youth')]))).toBe(true);
    expect(cardsOf(store, wing)).toEqual(['a', 'b']);
    expect(store.patch(all, '11', '13', {})).toBe('missed');
    expect(store.livePositionOf(all)).toBeUndefined();
    expect(store.livePositionOf(wing)).toBe('11');
    expect(store.get(boardKey(all, { wing: 'youth' }))).toBeUndefined();
  });
});
