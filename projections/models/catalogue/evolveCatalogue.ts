import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { CatalogueDoc } from './CatalogueDoc';

/** Adds a registered wing; a code already present stays as it was (the decider refuses duplicates). */
export function evolveCatalogue(doc: CatalogueDoc, event: StoredEvent): CatalogueDoc {
  if (event.type !== 'WingRegistered') return doc;
  if (doc.wings.some((wing) => wing.code === event.data.code)) return doc;
  return { id: doc.id, wings: [...doc.wings, event.data], position: event.position };
}
