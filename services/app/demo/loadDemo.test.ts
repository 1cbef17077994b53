import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@tayari/shared/common/clock';
import type { RecordedEvent } from '@tayari/shared/eventstore/EventStore';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { parseRecorded, type StoredEvent } from '@tayari/shared/events/StoredEvent';
import { readinessBoard } from '@tayari/projections/boards/readinessBoard';
import { programmeBoard } from '@tayari/projections/boards/programmeBoard';
import { projectAll } from '@tayari/projections/testing/projectAll';
import { DANTEWADA, JAGDALPUR, KANKER, LAST_REVIEW, PREP, REVIEW, TOUR } from './demoIds';
import { demoTimes } from './demoTimes';
import { loadDemo } from './loadDemo';

const HOUR = 3_600_000;
const START = '2026-03-10T09:20:00+05:30';
const folders: string[] = [];
const stores: SqliteEventStore[] = [];

async function openStore(): Promise<SqliteEventStore> {
  const folder = mkdtempSync(join(tmpdir(), 'tayari-demo-'));
  folders.push(folder);
  const store = await SqliteEventStore.open({ file: join(folder, 'events.db'), lock: false });
  stores.push(store);
  return store;
}

async function readEverything(store: SqliteEventStore): Promise<RecordedEvent[]> {
  return store.readAll(undefined, 100_000);
}

/** Each task's last status (cancelled included) and due time, folded from the events. */
function taskStates(events: StoredEvent[]): Map<string, { status: string; dueAt?: string | undefined; programmeId: string }> {
  const tasks = new Map<string, { status: string; dueAt?: string | undefined; programmeId: string }>();
  for (const e of events) {
    if (e.type === 'TaskLogged') tasks.set(e.data.taskId, { status: 'todo', dueAt: e.data.dueAt, programmeId: e.data.programmeId });
    const task = 'taskId' in e.data ? tasks.get(e.data.taskId) : undefined;
    if (!task) continue;
    if (e.type === 'TaskStarted') task.status = 'in_progress';
    if (e.type === 'TaskBlocked') task.status = 'blocked';
    if (e.type === 'TaskUnblocked') task.status = e.data.to;
    if (e.type === 'TaskCompleted') task.status = 'done';
    if (e.type === 'TaskReopened') task.status = 'todo';
    if (e.type === 'TaskCancelled') task.status = 'cancelled';
    if (e.type === 'TaskDueChanged') task.dueAt = e.data.dueAt;
  }
  return tasks;
}

afterAll(async () => {
  for (const store of stores) await store.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('loadDemo', () => {
  const clock = new ManualClock(START);
  const now = clock.now().getTime();
  let store: SqliteEventStore;
  let loaded: { commands: number; events: number };
  let events: StoredEvent[];

  beforeAll(async () => {
    store = await openStore();
    loaded = await loadDemo({ store, clock });
    events = (await readEverything(store)).map(parseRecorded);
  });

  it('loads into an empty store once; a second call does nothing', async () => {
    expect(loaded.commands).toBeGreaterThan(100);
    expect(loaded.events).toBe(events.length);
    const head = await store.headPosition();
    expect(await loadDemo({ store, clock })).toEqual({ commands: 0, events: 0 });
    expect(await store.headPosition()).toBe(head);
  });

  it('records every event as the API would: parsed, with demo command ids and correlation', async () => {
    const records = await readEverything(store);
    expect(records.map(parseRecorded)).toHaveLength(loaded.events);
    for (const e of events) {
      expect(e.metadata.correlationId).toBe('demo');
      // A proposal files its nomination's link under its own command id plus `-filed` (event ids differ);
      // follow-ups (a decision's or a checklist's task) run under a key derived from their cause.
      if (e.metadata.idempotencyKey?.startsWith('follow-')) expect(e.metadata.commandId).toMatch(/^idem-[0-9a-f]{32}$/);
      else expect(e.metadata.commandId).toMatch(/^demo-\d+(-filed)?$/);
    }
  });

  it('plans a Bastar tour of three stops on consecutive days, hosted by the tribal wing, beyond 48 hours', () => {
    const stops = new Map<string, { startsAt: string; endsAt: string; hostWing?: string | undefined }>();
    for (const e of events) {
      if (e.type === 'StopAdded' && e.data.tourId === TOUR) stops.set(e.data.stopId, e.data);
      if (e.type === 'StopRescheduled' && e.data.tourId === TOUR) Object.assign(stops.get(e.data.stopId) ?? {}, e.data);
    }
    expect([...stops.keys()]).toEqual([JAGDALPUR, DANTEWADA, KANKER]);
    const windows = [...stops.values()];
    for (const stop of windows) expect(stop.hostWing).toBe('adivasi');
    expect(Date.parse(windows[0]?.startsAt ?? '')).toBeGreaterThan(now + 48 * HOUR);
    for (const [i, stop] of windows.entries()) {
      const previous = windows[i - 1];
      if (previous === undefined) continue;
      expect(stop.startsAt > previous.endsAt).toBe(true);
      const gapHours = (Date.parse(stop.startsAt) - Date.parse(previous.startsAt)) / HOUR;
      expect(gapHours).toBeGreaterThanOrEqual(24);
      expect(gapHours).toBeLessThanOrEqual(25);
    }
  });

  it('schedules the review meeting within 48 hours and records minutes of the finished preparation meeting', () => {
    const scheduled = new Map(events.flatMap((e) => (e.type === 'MeetingScheduled' ? [[e.data.meetingId, e.data] as const] : [])));
    const review = scheduled.get(REVIEW);
    const prep = scheduled.get(PREP);
    expect(Date.parse(review?.startsAt ?? '')).toBeGreaterThan(now);
    expect(Date.parse(review?.startsAt ?? '')).toBeLessThanOrEqual(now + 48 * HOUR);
    expect(Date.parse(prep?.endsAt ?? '')).toBeLessThan(now);
    expect(events.some((e) => e.type === 'MinutesRecorded' && e.data.meetingId === PREP)).toBe(true);
  });

  it('logs at least 55 tasks in every status, some overdue, across programmes and wings', () => {
    const tasks = [...taskStates(events).values()].filter((t) => t.status !== 'cancelled');
    expect(tasks.length).toBeGreaterThanOrEqual(55);
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(['todo', 'in_progress', 'blocked', 'done']));
    const overdue = tasks.filter((t) => t.status !== 'done' && t.dueAt !== undefined && Date.parse(t.dueAt) < now);
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(tasks.some((t) => t.dueAt !== undefined && Date.parse(t.dueAt) > now)).toBe(true);
    expect(new Set(tasks.map((t) => t.programmeId))).toEqual(new Set([TOUR, REVIEW, PREP, LAST_REVIEW]));
    const wings = new Set(events.flatMap((e) => (e.type === 'TaskLogged' ? [e.data.wing] : [])));
    expect(wings.size).toBeGreaterThanOrEqual(8);
  });

  it("has the wings' own people move tasks and acknowledge duties", () => {
    const moves = events.filter((e) => ['TaskStarted', 'TaskBlocked', 'TaskCompleted', 'ResponsibilityAcknowledged'].includes(e.type));
    expect(moves.length).toBeGreaterThan(0);
    for (const e of moves) {
      expect(e.metadata.actor.role).not.toBe('incharge');
      expect(e.metadata.actor.wing).toBe((e.data as { wing: string }).wing);
    }
    expect(events.filter((e) => e.type === 'TaskBlocked').every((e) => e.data.reason.length > 0)).toBe(true);
  });

  it('shows SPEC v2 readiness on the boards: the review and, through its overdue tasks, the tour days ahead at risk', () => {
    const models = projectAll(events);
    const board = readinessBoard(models.programmes(), clock.now(), '1');
    // The preparation meeting has ended: it leaves the readiness board.
    expect(Object.keys(board.programmes).sort()).toEqual([REVIEW, TOUR].sort());
    expect(board.programmes[REVIEW]?.readiness.atRisk).toBe(true);
    const tour = board.programmes[TOUR];
    expect(Date.parse(tour?.startsAt ?? '')).toBeGreaterThan(now + 48 * HOUR);
    expect(tour?.readiness.overdue).toBeGreaterThan(0);
    expect(tour?.readiness.atRisk).toBe(true);
    const doc = models.programme(TOUR);
    if (!doc) throw new Error('the tour');
    const cards = Object.values(programmeBoard(doc, clock.now(), '1').cards);
    expect(new Set(cards.map((card) => card.status))).toEqual(new Set(['todo', 'in_progress', 'blocked', 'done']));
    expect(cards.some((card) => card.overdue)).toBe(true);
    expect(JSON.stringify(board)).not.toContain('null');
  });

  it("carries last month's open follow-ups onto the review's board (SPEC v2 meeting series)", () => {
    const doc = projectAll(events).programme(REVIEW);
    if (!doc) throw new Error('the review');
    const series = programmeBoard(doc, clock.now(), '1').series;
    expect(series?.previous?.id).toBe(LAST_REVIEW);
    expect(series?.counts).toEqual({ done: 2, open: 2, overdue: 1 });
  });

  it('is deterministic: the same clock gives the same events', async () => {
    const other = await openStore();
    await loadDemo({ store: other, clock: new ManualClock(START) });
    const shape = (rs: RecordedEvent[]) => rs.map((r) => ({ streamId: r.streamId, type: r.type, data: r.data, metadata: r.metadata }));
    expect(shape(await readEverything(other))).toEqual(shape(await readEverything(store)));
  });
});

describe('demoTimes', () => {
  // Around IST midnight, the review hour and the preparation hour, and UTC midnight.
  const instants = [
    '2026-03-10T00:00:00+05:30',
    '2026-03-10T10:59:00+05:30',
    '2026-03-10T11:00:00+05:30',
    '2026-03-10T16:30:00+05:30',
    '2026-03-10T23:59:00+05:30',
    '2026-03-10T00:00:00Z',
  ];

  it.each(instants)('keeps the demo shape at %s', (at) => {
    const now = Date.parse(at);
    const t = demoTimes(new Date(now));
    const ms = (s: string) => Date.parse(s);
    expect(ms(t.review.startsAt)).toBeGreaterThanOrEqual(now + 20 * HOUR);
    expect(ms(t.review.startsAt)).toBeLessThan(now + 44 * HOUR);
    expect(ms(t.jagdalpur.startsAt)).toBeGreaterThan(now + 48 * HOUR);
    expect(ms(t.kanker.endsAt)).toBeLessThan(now + 6 * 24 * HOUR);
    expect(ms(t.prep.endsAt)).toBeLessThan(now);
    expect(ms(t.prep.startsAt)).toBeGreaterThan(now - 48 * HOUR);
    expect(ms(t.ago(1))).toBeLessThan(now);
    expect(ms(t.later(1))).toBeGreaterThan(now);
  });
});
