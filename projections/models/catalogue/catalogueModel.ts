import { WingEventSchema } from '@tayari/shared/wings/events';
import type { BoardName } from '../../BoardSource';
import { defineRows } from '../../registry/RowModel';
import { CATALOGUE_ID, CatalogueDocSchema, defaultCatalogue } from './CatalogueDoc';
import { evolveCatalogue } from './evolveCatalogue';

/** The wing catalogue: one row, the default wings until the first registration. */
export const catalogueModel = defineRows({
  name: 'catalogue',
  schema: CatalogueDocSchema,
  events: [WingEventSchema],
  key: () => CATALOGUE_ID,
  // One row for every wing stream: versions do not compare, positions do.
  seen: (doc, event, view) => doc.position !== undefined && view.comparePositions(event.position, doc.position) <= 0,
  evolve: (doc, event) => evolveCatalogue(doc ?? defaultCatalogue(), event),
  *boards(_before, _after, event): Iterable<BoardName> {
    yield `wing:${event.data.code}`;
  },
});
