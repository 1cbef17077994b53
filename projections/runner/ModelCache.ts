import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { CatalogueDocSchema, defaultCatalogue, type CatalogueDoc } from '../models/catalogue/CatalogueDoc';
import { CATALOGUE_ID, COLLECTIONS } from '../models/collections';
import { ProgrammeDocSchema, type ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { WingDocSchema, type WingDoc } from '../models/wing/WingDoc';

/** What one committed batch changed, merged into the cache only once the commit succeeded. */
export interface DocChanges {
  programmes: ReadonlyMap<string, ProgrammeDoc>;
  /** By wing document id; null: the document was removed. */
  wings: ReadonlyMap<string, WingDoc | null>;
  catalogue?: CatalogueDoc;
}

/**
 * Every read-model document in memory, written through: loaded (and zod-parsed) once at start, then
 * updated after each commit, so that batches and board reads never go back to the read store.
 * The models are small (one doc per programme and per wing); a split set-up with many more could
 * page instead.
 */
export class ModelCache {
  readonly programmes = new Map<string, ProgrammeDoc>();
  /** Wing documents by wing code, then by programme id. */
  private readonly wingDocs = new Map<string, Map<string, WingDoc>>();
  catalogue: CatalogueDoc = defaultCatalogue();

  static async load(store: ReadStore): Promise<ModelCache> {
    const cache = new ModelCache();
    for (const raw of await store.all(COLLECTIONS.programmes)) {
      const doc = ProgrammeDocSchema.parse(raw);
      cache.programmes.set(doc.id, doc);
    }
    for (const raw of await store.all(COLLECTIONS.wings)) {
      cache.putWing(WingDocSchema.parse(raw));
    }
    const catalogue = await store.get(COLLECTIONS.catalogue, CATALOGUE_ID);
    if (catalogue !== undefined) cache.catalogue = CatalogueDocSchema.parse(catalogue);
    return cache;
  }

  merge(changes: DocChanges): void {
    for (const [id, doc] of changes.programmes) this.programmes.set(id, doc);
    for (const [id, doc] of changes.wings) {
      if (doc) this.putWing(doc);
      else this.removeWing(id);
    }
    if (changes.catalogue) this.catalogue = changes.catalogue;
  }

  wing(code: string, programmeId: string): WingDoc | undefined {
    return this.wingDocs.get(code)?.get(programmeId);
  }

  /** Every document of one wing (one per programme it has live work in). */
  wingDocsOf(code: string): Iterable<WingDoc> {
    return this.wingDocs.get(code)?.values() ?? [];
  }

  private putWing(doc: WingDoc): void {
    let docs = this.wingDocs.get(doc.code);
    if (!docs) this.wingDocs.set(doc.code, (docs = new Map()));
    docs.set(doc.programmeId, doc);
  }

  private removeWing(id: string): void {
    const split = id.indexOf(':');
    const code = id.slice(0, split);
    const docs = this.wingDocs.get(code);
    docs?.delete(id.slice(split + 1));
    if (docs?.size === 0) this.wingDocs.delete(code);
  }
}
