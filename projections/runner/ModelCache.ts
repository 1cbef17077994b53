import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { nextChange, type ClockModels, type PlannedChange } from '../clock/nextChange';
import { CatalogueDocSchema, defaultCatalogue, type CatalogueDoc } from '../models/catalogue/CatalogueDoc';
import { CATALOGUE_ID, COLLECTIONS } from '../models/collections';
import {
  ProgrammeHeaderSchema,
  ResponsibilityRowSchema,
  TaskRowSchema,
  type ProgrammeDoc,
  type ProgrammeHeader,
  type ResponsibilityRow,
  type TaskRow,
} from '../models/programme/ProgrammeDoc';
import { ProgrammeParts } from './ProgrammeParts';

/** What one committed batch changed, merged into the cache only once the commit succeeded. */
export interface DocChanges {
  programmes: ReadonlyMap<string, ProgrammeHeader>;
  tasks: ReadonlyMap<string, TaskRow>;
  responsibilities: ReadonlyMap<string, ResponsibilityRow>;
  catalogue?: CatalogueDoc;
}

/**
 * Every read-model row in memory, written through: loaded (and zod-parsed) once at start, then
 * updated after each commit, so that batches and board reads never go back to the read store. Rows
 * are kept per programme (`ProgrammeParts`) with the indexes boards and the clock need, each kept up
 * to date per changed row: a change costs the same in a programme of 1 task or of 5,000.
 */
export class ModelCache implements ClockModels {
  private readonly parts = new Map<string, ProgrammeParts>();
  /** Task and responsibility rows by id, whatever their programme. */
  readonly tasks = new Map<string, TaskRow>();
  readonly responsibilities = new Map<string, ResponsibilityRow>();
  /** Wing → programmes where it has live work. */
  private readonly wingProgrammes = new Map<string, Set<string>>();
  catalogue: CatalogueDoc = defaultCatalogue();

  static async load(store: ReadStore): Promise<ModelCache> {
    const cache = new ModelCache();
    const [headers, tasks, responsibilities, catalogue] = await Promise.all([
      store.all(COLLECTIONS.programmes),
      store.all(COLLECTIONS.tasks),
      store.all(COLLECTIONS.responsibilities),
      store.get(COLLECTIONS.catalogue, CATALOGUE_ID),
    ]);
    cache.merge({
      programmes: new Map(headers.map((raw) => ProgrammeHeaderSchema.parse(raw)).map((header) => [header.id, header])),
      tasks: new Map(tasks.map((raw) => TaskRowSchema.parse(raw)).map((row) => [row.id, row])),
      responsibilities: new Map(responsibilities.map((raw) => ResponsibilityRowSchema.parse(raw)).map((row) => [row.id, row])),
      ...(catalogue === undefined ? {} : { catalogue: CatalogueDocSchema.parse(catalogue) }),
    });
    return cache;
  }

  merge(changes: DocChanges): void {
    for (const [id, header] of changes.programmes) this.partsOf(id).setHeader(header);
    for (const [id, row] of changes.tasks) {
      this.tasks.set(id, row);
      this.partsOf(row.programmeId).setTask(row);
    }
    for (const [id, row] of changes.responsibilities) {
      this.responsibilities.set(id, row);
      this.partsOf(row.programmeId).setResponsibility(row);
    }
    if (changes.catalogue) this.catalogue = changes.catalogue;
  }

  header(id: string): ProgrammeHeader | undefined {
    return this.parts.get(id)?.header;
  }

  /** The whole programme, as the board builders read it. */
  programme(id: string): ProgrammeDoc | undefined {
    return this.parts.get(id)?.doc();
  }

  /** Every programme (with a header). */
  *programmes(): Iterable<ProgrammeDoc> {
    for (const parts of this.parts.values()) {
      const doc = parts.doc();
      if (doc) yield doc;
    }
  }

  *programmeIds(): Iterable<string> {
    for (const [id, parts] of this.parts) if (parts.header) yield id;
  }

  /** The wings with live work on a programme, sorted. */
  wingsOf(programmeId: string): string[] {
    return this.parts.get(programmeId)?.wings() ?? [];
  }

  /** The programmes where a wing has live work. */
  programmesOfWing(code: string): Iterable<string> {
    return this.wingProgrammes.get(code) ?? [];
  }

  nextChange(programmeId: string, after: number): PlannedChange | undefined {
    const parts = this.parts.get(programmeId);
    if (!parts?.header) return undefined;
    return nextChange(parts.header, parts.wings(), parts.dues, after);
  }

  private partsOf(id: string): ProgrammeParts {
    let parts = this.parts.get(id);
    if (!parts) {
      parts = new ProgrammeParts(id, (wing, present) => this.wingPresence(wing, id, present));
      this.parts.set(id, parts);
    }
    return parts;
  }

  private wingPresence(wing: string, programmeId: string, present: boolean): void {
    let ids = this.wingProgrammes.get(wing);
    if (present) {
      if (!ids) this.wingProgrammes.set(wing, (ids = new Set()));
      ids.add(programmeId);
    } else {
      ids?.delete(programmeId);
      if (ids?.size === 0) this.wingProgrammes.delete(wing);
    }
  }
}
