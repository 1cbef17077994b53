import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';
import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import { evolveProgramme } from '../models/programme/evolveProgramme';
import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { attentionBoard } from '../boards/attentionBoard';
import { readinessOf } from '../boards/programmeIndex';
import { programmeWindow } from '../readiness/programmeWindow';
import { Tally } from '../readiness/Tally';
import type { Readiness } from '../readiness/types';
import { BLOCKED_HORIZON_MS, NEVER_AT_RISK, RISK_HORIZON_MS, riskStance } from '../readiness/riskWindow';
import { ev } from '../testing/domainEvents';
import { EventLog } from '../testing/EventLog';
import { enrolmentsModel } from '../models/drives/driveModels';
import type { EnrolmentRow } from '../models/drives/DriveRows';
import { taskModel } from '../models/tasks/taskModel';
import { RowTables } from '../registry/RowTables';
import { ModelCache } from './ModelCache';
import { Projector } from './Projector';
import { seededRandom as random } from '@tayari/shared/testing/seededRandom';

const T0 = Date.parse('2018-06-20T00:00:00.000Z');
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const WINGS = ['adivasi', 'youth', 'mahila', 'kisan'];

/** A history with every event type, in a mix a busy state unit could produce (not checked by deciders). */
function history(seed: number, size: number): DomainEvent[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const out: DomainEvent[] = [];
  const tours: string[] = [];
  const meetings: string[] = [];
  const stops = new Map<string, string[]>();
  const tasks: { id: string; programmeId: string; wing: string }[] = [];
  const duties: { id: string; programmeId: string; wing: string }[] = [];
  const at = () => T0 + Math.floor(next() * 400) * H;
  for (let i = 0; out.length < size; i++) {
    const roll = next();
    const programmes = [...tours, ...meetings];
    if (programmes.length === 0 || roll < 0.05) {
      if (next() < 0.6) {
        const id = `t${i}`;
        tours.push(id);
        stops.set(id, []);
        out.push(ev.tourPlanned(id));
      } else {
        const id = `m${i}`;
        meetings.push(id);
        const start = at();
        out.push(ev.meetingScheduled(id, iso(start), next() < 0.5 ? iso(start + 3 * H) : undefined));
      }
    } else if (roll < 0.12 && tours.length > 0) {
      const tour = pick(tours);
      const start = at();
      const stopId = `s${i}`;
      stops.get(tour)?.push(stopId);
      out.push(ev.stopAdded(tour, stopId, iso(start), iso(start + 2 * H)));
    } else if (roll < 0.15) {
      const tour = tours.length > 0 ? pick(tours) : undefined;
      const tourStops = tour ? (stops.get(tour) ?? []) : [];
      if (tour && tourStops.length > 0) {
        const stop = pick(tourStops);
        const start = at();
        out.push(next() < 0.5 ? ev.stopCancelled(tour, stop) : ev.stopRescheduled(tour, stop, iso(start), iso(start + H)));
      } else if (meetings.length > 0) {
        const meeting = pick(meetings);
        out.push(next() < 0.5 ? ev.minutesRecorded(meeting) : ev.meetingRescheduled(meeting, iso(at())));
      }
    } else if (roll < 0.17) {
      const programme = pick(programmes);
      out.push(programme.startsWith('t') ? ev.tourCancelled(programme) : ev.meetingCancelled(programme));
    } else if (roll < 0.27) {
      const programmeId = pick(programmes);
      const wing = pick(WINGS);
      const id = `r${i}`;
      duties.push({ id, programmeId, wing });
      out.push(ev.responsibilityAssigned(id, programmeId, wing, { programmeKind: programmeId.startsWith('t') ? 'tour' : 'meeting' }));
    } else if (roll < 0.32 && duties.length > 0) {
      const duty = pick(duties);
      const choice = next();
      if (choice < 0.4) out.push(ev.responsibilityAcknowledged(duty.id, duty.programmeId, duty.wing));
      else if (choice < 0.7) {
        const to = pick(WINGS);
        out.push(ev.responsibilityReassigned(duty.id, duty.programmeId, duty.wing, to));
        duty.wing = to;
      } else out.push(ev.responsibilityCancelled(duty.id, duty.programmeId, duty.wing));
    } else if (roll < 0.55 || tasks.length === 0) {
      const programmeId = pick(programmes);
      const wing = pick(WINGS);
      const id = `k${i}`;
      tasks.push({ id, programmeId, wing });
      const tourStops = stops.get(programmeId) ?? [];
      out.push(
        ev.taskLogged(id, programmeId, wing, {
          programmeKind: programmeId.startsWith('t') ? 'tour' : 'meeting',
          ...(next() < 0.7 ? { dueAt: iso(at()) } : {}),
          ...(tourStops.length > 0 && next() < 0.5 ? { stopId: pick(tourStops) } : {}),
          ...(next() < 0.3 ? { assignee: 'सुनीता' } : {}),
        }),
      );
    } else {
      const { id, programmeId, wing } = pick(tasks);
      const moves = [
        () => ev.taskStarted(id, programmeId, wing),
        () => ev.taskBlocked(id, programmeId, wing),
        () => ev.taskUnblocked(id, programmeId, wing, next() < 0.5 ? 'todo' : 'in_progress'),
        () => ev.taskCompleted(id, programmeId, wing, 'हो गया'),
        () => ev.taskReopened(id, programmeId, wing),
        () => ev.taskAssigned(id, programmeId, wing, 'Ramesh'),
        () => ev.taskDueChanged(id, programmeId, wing, iso(at())),
        () => ev.taskNoteAdded(id, programmeId, wing, 'नोट'),
        () => ev.taskCancelled(id, programmeId, wing),
      ];
      out.push(pick(moves)());
    }
    if (next() < 0.02) out.push(ev.wingRegistered(`cell-${i}`));
  }
  return out;
}

/** The whole programmes, by the reference fold of every event. */
function reference(events: readonly StoredEvent[]): Map<string, ProgrammeDoc> {
  const docs = new Map<string, ProgrammeDoc>();
  for (const event of events) {
    const id =
      'tourId' in event.data
        ? event.data.tourId
        : 'meetingId' in event.data
          ? event.data.meetingId
          : 'programmeId' in event.data
            ? event.data.programmeId
            : undefined;
    if (id === undefined) continue;
    const after = evolveProgramme(docs.get(id), event);
    if (after) docs.set(id, after);
  }
  return docs;
}

/** The next clock-driven instant after `after`, by walking everything (what the indexes must agree with). */
function bruteNextChange(doc: ProgrammeDoc, after: number): number | undefined {
  const instants: number[] = [];
  for (const task of Object.values(doc.tasks)) {
    if (task.status !== 'done' && task.status !== 'cancelled' && task.dueAt !== undefined) instants.push(Date.parse(task.dueAt) + 1);
  }
  if (doc.status !== 'cancelled') {
    const window = programmeWindow(doc);
    if (window) {
      const start = Date.parse(window.startsAt);
      instants.push(start - BLOCKED_HORIZON_MS, start - RISK_HORIZON_MS, start, Date.parse(window.endsAt));
    }
    if (doc.kind === 'tour') {
      for (const stop of doc.stops) {
        if (stop.cancelled) continue;
        const start = Date.parse(stop.startsAt);
        instants.push(start - BLOCKED_HORIZON_MS, start - RISK_HORIZON_MS, Date.parse(stop.endsAt));
      }
    }
  }
  const later = instants.filter((at) => at > after);
  return later.length === 0 ? undefined : Math.min(...later);
}

/** SPEC's readiness by walking every task (what the tallies kept per change must agree with). */
function bruteReadiness(doc: ProgrammeDoc, now: Date, wing?: string): Readiness {
  const live = doc.status !== 'cancelled';
  const stance = live ? riskStance(programmeWindow(doc), now) : NEVER_AT_RISK;
  const stops = doc.kind === 'tour' ? doc.stops : [];
  const cancelled = new Set(stops.filter((stop) => stop.cancelled).map((stop) => stop.id));
  const all = new Tally();
  const byWing = new Map<string, Tally>();
  const byStop = new Map(stops.filter((stop) => !stop.cancelled).map((stop) => [stop.id, new Tally()]));
  for (const task of Object.values(doc.tasks)) {
    if (task.status === 'cancelled' || (wing !== undefined && task.wing !== wing) || (task.stopId !== undefined && cancelled.has(task.stopId))) continue;
    all.add(task, now);
    if (!byWing.has(task.wing)) byWing.set(task.wing, new Tally());
    byWing.get(task.wing)?.add(task, now);
    if (task.stopId !== undefined) byStop.get(task.stopId)?.add(task, now);
  }
  const result: Readiness = {
    ...all.counts(stance),
    byWing: Object.fromEntries([...byWing].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, tally]) => [code, tally.counts(stance)])),
  };
  if (doc.kind === 'tour') {
    result.byStop = Object.fromEntries(
      [...byStop].map(([id, tally]) => [
        id,
        tally.counts(
          live
            ? riskStance(
                stops.find((stop) => stop.id === id),
                now,
              )
            : NEVER_AT_RISK,
        ),
      ]),
    );
  }
  return result;
}

/** The rows carry their programme's id; the reference fold's cards do not. */
function withoutProgrammeIds(doc: ProgrammeDoc | undefined) {
  if (!doc) return doc;
  const strip = <T extends object>(rows: Record<string, T>) =>
    Object.fromEntries(Object.entries(rows).map(([id, row]) => [id, Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'programmeId'))]));
  return { ...doc, tasks: strip(doc.tasks), responsibilities: strip(doc.responsibilities) };
}

const enrolmentRow: EnrolmentRow = {
  id: 'd.x',
  driveId: 'd',
  enrolmentId: 'x',
  unit: 'cg-raipur',
  enrolledAt: '2026-12-03T10:00:00.000Z',
  order: '1',
  enrolledBy: { sub: 'asha', name: 'Asha' },
  version: 1,
};

describe('ModelCache: rows and indexes kept per change', () => {
  it.each([1, 2, 3])('holds what the reference fold of the whole programme holds, batch after batch (seed %i)', (seed) => {
    const events = new EventLog().all(history(seed, 1500));
    const cache = ModelCache.empty();
    const projector = new Projector(cache, (a, b) => Number(a) - Number(b));
    const sizes = random(seed * 31);
    for (let at = 0; at < events.length; ) {
      const size = 1 + Math.floor(sizes() * 60);
      const batch = events.slice(at, at + size);
      cache.merge(projector.project(batch, {}).rows);
      at += size;
    }
    const expected = reference(events);
    expect([...cache.programmeIds()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, doc] of expected) {
      expect(withoutProgrammeIds(cache.programme(id))).toEqual(doc);
      expect(cache.wingsOf(id)).toEqual(doc.wings);
      for (const after of [T0 - 30 * 24 * H, T0 + 100 * H, T0 + 300 * H]) expect(cache.nextChange(id, after)?.at).toBe(bruteNextChange(doc, after));
      const held = cache.programme(id);
      if (!held) throw new Error(`${id} is not held`);
      for (const now of [T0 - 30 * 24 * H, T0 + 100 * H, T0 + 300 * H, T0 + 500 * H].map((ms) => new Date(ms))) {
        expect(readinessOf(held, now)).toEqual(bruteReadiness(doc, now));
        for (const wing of WINGS) expect(readinessOf(held, now, wing)).toEqual(bruteReadiness(doc, now, wing));
      }
    }
    for (const now of [T0 + 100 * H, T0 + 300 * H].map((ms) => new Date(ms))) {
      expect(attentionBoard(cache.programmes(), now, '1')).toEqual(attentionBoard(expected.values(), now, '1'));
      expect(attentionBoard(cache.programmes(), now, '1', { wing: 'youth' })).toEqual(attentionBoard(expected.values(), now, '1', { wing: 'youth' }));
    }
    for (const wing of WINGS) {
      const holding = [...expected.values()].filter((doc) => doc.wings.includes(wing)).map((doc) => doc.id);
      expect(new Set(cache.programmesOfWing(wing))).toEqual(new Set(holding));
    }
  });

  it('lists the ids of new rows, in order, only for the models that ask (the drive index catches up from them)', () => {
    const cache = ModelCache.empty();
    const first = new RowTables();
    const row = (id: string): EnrolmentRow => ({ ...enrolmentRow, id, enrolmentId: id });
    first.set(enrolmentsModel, row('d.b'));
    first.set(enrolmentsModel, row('d.a'));
    cache.merge(first);
    const second = new RowTables();
    second.set(enrolmentsModel, { ...row('d.b'), unit: 'cg-durg' });
    second.set(enrolmentsModel, row('d.c'));
    cache.merge(second);
    // A row changed again is not listed twice.
    expect(cache.addedIds(enrolmentsModel)).toEqual(['d.b', 'd.a', 'd.c']);
    expect(enrolmentsModel.listsArrivals).toBe(true);
    expect(taskModel.listsArrivals).toBe(false);
    expect(() => cache.addedIds(taskModel)).toThrow(/does not list its arrivals/);
  });

  it('a redelivered batch changes nothing', () => {
    const events = new EventLog().all(history(9, 400));
    const cache = ModelCache.empty();
    const projector = new Projector(cache, (a, b) => Number(a) - Number(b));
    cache.merge(projector.project(events, {}).rows);
    const again = projector.project(events.slice(200), {});
    expect(again.rows.size).toBe(0);
    expect(again.boards.size).toBe(0);
  });
});
