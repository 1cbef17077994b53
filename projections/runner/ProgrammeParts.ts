import { assigneePersonId } from '@tayari/shared/contract/assignee';
import { ColumnIndex, type ColumnReader } from '../boards/ColumnIndex';
import { canFallDue, registerIndex, type ProgrammeIndex } from '../boards/programmeIndex';
import { DueIndex } from '../clock/DueIndex';
import type { ProgrammeDoc, ProgrammeHeader, ResponsibilityRow, TaskRow } from '../models/programme/ProgrammeDoc';
import { ReadinessTallies } from '../readiness/ReadinessTallies';
import type { CarriedFollowUps } from '../boards/seriesSection';

/**
 * One programme in the model cache: its header, its task and responsibility rows, and what is kept
 * up to date as rows change so that no event walks the programme: how much live work each wing has
 * here (the wing boards that show it), the due times still to pass (the board clock's index), the
 * readiness tallies, the blocked tasks and each column in board order (the boards' index). The whole-programme view the board
 * builders read is assembled on demand and kept until a row changes.
 */
export class ProgrammeParts implements ProgrammeIndex {
  header: ProgrammeHeader | undefined;
  readonly tasks = new Map<string, TaskRow>();
  readonly responsibilities = new Map<string, ResponsibilityRow>();
  readonly dues = new DueIndex();
  readonly tallies = new ReadinessTallies();
  readonly blocked = new Set<string>();
  /** A meeting's follow-ups (the tasks its minutes made): all of them, and those not done. */
  readonly followAll = new ReadinessTallies();
  readonly followOpen = new ReadinessTallies();
  private followUpIds: ReadonlySet<string> = new Set();
  /** Wing → live tasks and responsibilities of that wing here. */
  private readonly liveByWing = new Map<string, number>();
  /** Person → their live tasks here (given to them as a person): their `mine` board, without a walk. */
  private readonly byPerson = new Map<string, Set<string>>();
  private view: ProgrammeDoc | undefined;
  private columnIndex: ColumnIndex<TaskRow> | undefined;
  private wingList: string[] | undefined;

  constructor(
    readonly id: string,
    /** Told when a wing starts or stops having live work here. */
    private readonly onWing: (wing: string, present: boolean) => void,
    /** Told when a person starts or stops having live tasks here. */
    private readonly onPerson: (personId: string, present: boolean) => void = () => undefined,
    /** A meeting of a series: the follow-ups it carries from the earlier meetings (ProgrammeIndex). */
    readonly carried: () => CarriedFollowUps | undefined = () => undefined,
  ) {}

  setHeader(header: ProgrammeHeader): void {
    this.header = header;
    this.view = undefined;
    const made = header.kind === 'meeting' ? header.followUpTasks : undefined;
    if (made === undefined || made.length === this.followUpIds.size) return;
    // Minutes made new follow-ups: those already logged start counting (the rest as they are logged).
    const before = this.followUpIds;
    this.followUpIds = new Set(made);
    for (const id of made) {
      const task = before.has(id) ? undefined : this.tasks.get(id);
      if (task) this.setFollowUp(undefined, task);
    }
  }

  /** A meeting's follow-ups that are logged, in the order its minutes made them. */
  *followUps(): Iterable<TaskRow> {
    for (const id of this.followUpIds) {
      const task = this.tasks.get(id);
      if (task) yield task;
    }
  }

  private setFollowUp(old: TaskRow | undefined, row: TaskRow): void {
    this.followAll.set(old, row);
    this.followOpen.set(old?.status === 'done' ? undefined : old, row.status === 'done' ? undefined : row);
  }

  setTask(row: TaskRow): void {
    const old = this.tasks.get(row.id);
    if (old === row) return;
    if (old && old.status !== 'cancelled') this.count(old.wing, -1);
    if (row.status !== 'cancelled') this.count(row.wing, 1);
    this.tasks.set(row.id, row);
    this.setPerson(row.id, old && personOf(old), personOf(row));
    this.dues.set(row.id, canFallDue(row) ? row.dueAt : undefined, row.wing, personOf(row));
    this.tallies.set(old, row);
    this.columnIndex?.set(old, row);
    if (this.followUpIds.has(row.id)) this.setFollowUp(old, row);
    if (row.status === 'blocked') this.blocked.add(row.id);
    else this.blocked.delete(row.id);
    this.view = undefined;
  }

  setResponsibility(row: ResponsibilityRow): void {
    const old = this.responsibilities.get(row.id);
    if (old === row) return;
    if (old && !old.cancelled) this.count(old.wing, -1);
    if (!row.cancelled) this.count(row.wing, 1);
    this.responsibilities.set(row.id, row);
    this.view = undefined;
  }

  /**
   * The columns in board order, made by the first read that wants them (one sort) and kept up to
   * date from then on: start-up, and programmes nobody opens on a phone, pay nothing for them.
   */
  get columns(): ColumnReader<TaskRow> {
    this.columnIndex ??= ColumnIndex.of(this.tasks.values());
    return this.columnIndex;
  }

  /** The wings with live work here, sorted. */
  wings(): string[] {
    this.wingList ??= [...this.liveByWing.keys()].sort();
    return this.wingList;
  }

  /** The programme as one document (undefined until its header is known). */
  doc(): ProgrammeDoc | undefined {
    if (this.header === undefined) return undefined;
    if (this.view === undefined) {
      this.view = lazyDoc(this.header, this.wings(), this.tasks, this.responsibilities);
      registerIndex(this.view, this);
    }
    return this.view;
  }

  task(id: string): TaskRow | undefined {
    return this.tasks.get(id);
  }

  /** The people with live tasks here (their `mine` boards show this programme). */
  people(): Iterable<string> {
    return this.byPerson.keys();
  }

  /** A person's live tasks here. */
  *tasksOf(personId: string): Iterable<TaskRow> {
    for (const id of this.byPerson.get(personId) ?? []) {
      const task = this.tasks.get(id);
      if (task) yield task;
    }
  }

  private setPerson(taskId: string, before: string | undefined, after: string | undefined): void {
    if (before === after) return;
    const was = before === undefined ? undefined : this.byPerson.get(before);
    if (was?.delete(taskId) && was.size === 0 && before !== undefined) {
      this.byPerson.delete(before);
      this.onPerson(before, false);
    }
    if (after === undefined) return;
    let ids = this.byPerson.get(after);
    if (!ids) {
      this.byPerson.set(after, (ids = new Set()));
      this.onPerson(after, true);
    }
    ids.add(taskId);
  }

  private count(wing: string, delta: number): void {
    const next = (this.liveByWing.get(wing) ?? 0) + delta;
    if (next > 0) {
      if (!this.liveByWing.has(wing)) {
        this.wingList = undefined;
        this.onWing(wing, true);
      }
      this.liveByWing.set(wing, next);
    } else if (this.liveByWing.delete(wing)) {
      this.wingList = undefined;
      this.onWing(wing, false);
    }
  }
}

/** The person a live task is given to, if it is given to a person. */
function personOf(row: TaskRow): string | undefined {
  return row.status === 'cancelled' ? undefined : assigneePersonId(row.assignee);
}

/**
 * The programme's view, with `tasks` and `responsibilities` made into records only when a board
 * reads them: the readiness and attention boards read the header and the index, so a change in a
 * programme of 5,000 tasks does not copy them for those boards.
 */
function lazyDoc(
  header: ProgrammeHeader,
  wings: string[],
  tasks: ReadonlyMap<string, TaskRow>,
  responsibilities: ReadonlyMap<string, ResponsibilityRow>,
): ProgrammeDoc {
  const doc: ProgrammeDoc = { ...header, tasks: {}, responsibilities: {}, wings };
  let taskRecord: ProgrammeDoc['tasks'] | undefined;
  let responsibilityRecord: ProgrammeDoc['responsibilities'] | undefined;
  return Object.defineProperties(doc, {
    tasks: { enumerable: true, get: () => (taskRecord ??= Object.fromEntries(tasks)) },
    responsibilities: { enumerable: true, get: () => (responsibilityRecord ??= Object.fromEntries(responsibilities)) },
  });
}
