import type { BatchAnswer, BatchRequest, BatchResult } from '../../shared/contract/batchRequest';
import type { ApiClient, BatchSent } from '../../services/web/page/api';
import { batchOf } from '../../services/web/page/outbox/batchOf';
import { Outbox } from '../../services/web/page/outbox/Outbox';
import { outcomeOf, versionOfEtag } from '../../services/web/page/outbox/outcomeOf';
import { reportText } from '../../services/web/page/outbox/reportText';
import { WingCatalogue } from '../../services/web/page/WingCatalogue';
import type { QueueDb } from '../../services/web/page/outbox/queueDb';
import type { QueuedChange } from '../../services/web/page/outbox/QueuedChange';
import { staleVerdict } from '../../services/web/page/outbox/staleVerdict';
import type { ProgrammeBoardPayload } from '../../services/web/page/types';

/** The offline queue's rules, without a browser: what goes in a batch, what an answer means, what a 412 means. */

const target = { kind: 'task' as const, id: 'k1', programmeId: 'p1', title: 'Tent' };
const move = (key: string, seq: number, extra: Partial<QueuedChange> = {}): QueuedChange => ({
  key,
  by: 'me',
  seq,
  path: '/api/tasks/k1/status',
  body: { status: 'done' },
  ifMatch: 3,
  aspect: { field: 'status', seen: 'todo' },
  target,
  at: '2026-12-02T10:00:00.000Z',
  ...extra,
});
const note = (key: string, seq: number): QueuedChange => ({
  key,
  by: 'me',
  seq,
  path: '/api/tasks/k1/notes',
  body: { text: 'n' },
  target,
  at: '2026-12-02T10:01:00.000Z',
});
const saved = (version: number, position: string): BatchResult => ({ status: 200, body: { id: 'k1', version, position }, headers: { etag: `"${version}"` } });
const problem = (status: number, type: string, etag?: string): BatchResult => ({
  status,
  body: { type: `/problems/${type}`, title: type, status, detail: `${type} here` },
  headers: etag ? { etag } : {},
});

/** A QueueDb in memory that remembers what was written. */
function memoryDb(initial: QueuedChange[]): QueueDb & { held: Map<string, QueuedChange> } {
  const held = new Map(initial.map((c) => [c.key, c]));
  return { held, all: async () => [...held.values()], put: async (c) => void held.set(c.key, c), remove: async (k) => void held.delete(k) };
}

/** An ApiClient that answers batches from a script and reads from a board. */
function fakeApi(answers: Array<(request: BatchRequest) => BatchSent>, board: () => Partial<ProgrammeBoardPayload>) {
  const sent: BatchRequest[] = [];
  const api = {
    batch: async (request: BatchRequest): Promise<BatchSent> => {
      sent.push(request);
      const next = answers.shift();
      if (!next) throw new Error('no answer scripted');
      return next(request);
    },
    get: async () => board(),
  };
  return { api: api as unknown as ApiClient, sent };
}
const answered =
  (...results: BatchResult[]) =>
  (): BatchSent => ({ kind: 'answered', answer: { results } satisfies BatchAnswer });
const card = (status: string, version: number) => ({ cards: { k1: { id: 'k1', status, version } }, responsibilities: {} }) as unknown as ProgrammeBoardPayload;

describe('a batch of the queue', () => {
  it('keeps the order, each change’s own key, and If-Match only where the change has a version', () => {
    expect(batchOf([move('a', 1), note('b', 2)])).toEqual({
      commands: [
        { method: 'POST', path: '/api/tasks/k1/status', body: { status: 'done' }, idempotencyKey: 'a', ifMatch: '"3"' },
        { method: 'POST', path: '/api/tasks/k1/notes', body: { text: 'n' }, idempotencyKey: 'b' },
      ],
    });
  });
});

describe('what an answer means', () => {
  it.each([
    [saved(4, '17'), { kind: 'saved', position: '17' }],
    [problem(412, 'version-mismatch', '"5"'), { kind: 'stale', version: 5 }],
    [problem(409, 'task-cancelled'), { kind: 'cancelled', what: 'task' }],
    [problem(409, 'programme-cancelled'), { kind: 'cancelled', what: 'programme' }],
    [problem(409, 'responsibility-cancelled'), { kind: 'cancelled', what: 'duty' }],
    [problem(409, 'task-done-reopens-to-todo'), { kind: 'refused', detail: 'task-done-reopens-to-todo here', rule: 'task-done-reopens-to-todo' }],
    [problem(403, 'forbidden'), { kind: 'forbidden' }],
    [problem(503, 'unavailable'), { kind: 'later' }],
    [problem(424, 'not-attempted'), { kind: 'later' }],
  ])('%#: %j', (result, outcome) => expect(outcomeOf(result)).toEqual(outcome));

  it('reads versions from ETags, weak or strong', () => {
    expect([versionOfEtag('"3"'), versionOfEtag('W/"12"'), versionOfEtag('*'), versionOfEtag(undefined)]).toEqual([3, 12, undefined, undefined]);
  });
});

describe('a 412 judged by meaning', () => {
  const seen = { field: 'status' as const, seen: 'todo' as const };
  it('resends a move when only something else changed (a note, an assignee)', () => {
    expect(staleVerdict(seen, { version: 5, status: 'todo', assignee: 'New person' })).toEqual({ kind: 'resend', version: 5 });
  });
  it('is a conflict when someone else moved the card', () => {
    expect(staleVerdict(seen, { version: 5, status: 'done' })).toEqual({ kind: 'conflict', field: 'status', now: 'done' });
  });
  it('is gone when the card left the board (cancelled)', () => {
    expect(staleVerdict(seen, undefined)).toEqual({ kind: 'gone' });
  });
  it('compares the field the change depends on, and nothing else', () => {
    expect(staleVerdict({ field: 'assignee', seen: undefined }, { version: 2, status: 'done' })).toEqual({ kind: 'resend', version: 2 });
    expect(staleVerdict({ field: 'dueAt', seen: 'a' }, { version: 2, dueAt: 'b' })).toEqual({ kind: 'conflict', field: 'dueAt', now: 'b' });
  });
});

describe('the outbox', () => {
  it('holds only its own person’s changes, and sends them as one batch in the order they were made', async () => {
    const db = memoryDb([note('b', 2), move('a', 1), { ...note('c', 3), by: 'someone-else' }]);
    const { api, sent } = fakeApi([answered(saved(4, '20'), saved(5, '21'))], () => ({}));
    const positions: string[] = [];
    const outbox = new Outbox(api, 'me', Promise.resolve(db), (p) => positions.push(p));
    await outbox.ready;
    expect(outbox.waiting).toBe(2);
    expect(outbox.pendingFor('k1')).toBe(2);
    await outbox.flush();
    expect(sent.map((r) => r.commands.map((c) => c.idempotencyKey))).toEqual([['a', 'b']]);
    expect(outbox.waiting).toBe(0);
    expect([...db.held.keys()]).toEqual(['c']);
    expect(positions).toEqual(['21']);
    expect(outbox.recent.map((s) => s.report)).toEqual([{ kind: 'saved' }, { kind: 'saved' }]);
  });

  it('keeps everything when the network fails, and what the server could not do now', async () => {
    const db = memoryDb([move('a', 1), note('b', 2)]);
    const { api } = fakeApi([() => ({ kind: 'network' }), answered(problem(503, 'unavailable'), saved(4, '9'))], () => ({}));
    const outbox = new Outbox(api, 'me', Promise.resolve(db), () => undefined);
    await outbox.flush();
    expect(outbox.waiting).toBe(2);
    await outbox.flush();
    expect(outbox.waiting).toBe(1);
    expect([...db.held.keys()]).toEqual(['a']);
  });

  it('after a 412 where only a note changed the card, resends the move at the new version with the same key', async () => {
    const db = memoryDb([move('a', 1)]);
    const { api, sent } = fakeApi([answered(problem(412, 'version-mismatch', '"4"')), answered(saved(5, '30'))], () => card('todo', 4));
    const outbox = new Outbox(api, 'me', Promise.resolve(db), () => undefined);
    await outbox.flush();
    expect(sent.map((r) => r.commands[0])).toMatchObject([
      { idempotencyKey: 'a', ifMatch: '"3"' },
      { idempotencyKey: 'a', ifMatch: '"4"' },
    ]);
    expect(outbox.waiting).toBe(0);
    expect(outbox.settledFor('k1')?.report).toEqual({ kind: 'saved' });
  });

  it('after a 412 where someone moved the card, reports the conflict with its new status and drops the change', async () => {
    const db = memoryDb([move('a', 1)]);
    const { api, sent } = fakeApi([answered(problem(412, 'version-mismatch', '"4"'))], () => card('done', 4));
    const outbox = new Outbox(api, 'me', Promise.resolve(db), () => undefined);
    await outbox.flush();
    expect(sent).toHaveLength(1);
    expect(outbox.waiting).toBe(0);
    expect(outbox.settledFor('k1')?.report).toEqual({ kind: 'conflict', field: 'status', now: 'done' });
  });

  it('after a 412 on a card that left the board, resends so the server says why (cancelled)', async () => {
    const db = memoryDb([move('a', 1)]);
    const { api } = fakeApi([answered(problem(412, 'version-mismatch', '"4"')), answered(problem(409, 'task-cancelled'))], () => ({
      cards: {},
      responsibilities: {},
    }));
    const outbox = new Outbox(api, 'me', Promise.resolve(db), () => undefined);
    await outbox.flush();
    expect(outbox.recent.map((s) => s.report)).toEqual([{ kind: 'cancelled', what: 'task' }]);
  });
});

describe('what the person is told', () => {
  const wings = new WingCatalogue();
  wings.set([{ code: 'media', name: { en: 'Communications department', hi: 'संचार विभाग' }, kind: 'department' }]);
  it.each([
    ['en', { kind: 'conflict', field: 'status', now: 'done' }, 'Someone moved this card to “Done” before your change arrived.'],
    ['hi', { kind: 'conflict', field: 'status', now: 'done' }, 'आपका बदलाव पहुँचने से पहले किसी ने यह कार्ड “पूरा” में कर दिया।'],
    ['en', { kind: 'cancelled', what: 'task' }, 'Someone cancelled this task before your change arrived.'],
    ['hi', { kind: 'cancelled', what: 'programme' }, 'आपका बदलाव पहुँचने से पहले यह कार्यक्रम रद्द हो गया।'],
    ['en', { kind: 'conflict', field: 'wing', now: 'media' }, 'Someone gave this duty to Communications department before your change arrived.'],
    ['en', { kind: 'conflict', field: 'assignee', now: undefined }, 'Someone changed who does this task before your change arrived.'],
  ] as const)('%s: %j', (lang, report, text) => expect(reportText(lang, wings, report)).toBe(text));
});
