import { z } from 'zod';
import { TemplateEventSchema, TemplateItemSchema, TemplateKindSchema } from '@tayari/shared/templates/events';
import { IdSchema } from '@tayari/shared/common/ids';
import type { BoardName } from '../../BoardSource';
import { defineRows } from '../../registry/RowModel';

/** A checklist template as the page lists it: its current version. */
export const TemplateRowSchema = z.strictObject({
  id: IdSchema,
  name: z.strictObject({ en: z.string(), hi: z.string() }),
  kind: TemplateKindSchema,
  items: z.array(TemplateItemSchema),
  version: z.number().int().positive(),
});
export type TemplateRow = z.infer<typeof TemplateRowSchema>;

/** The checklist templates, one row each (few: all held in memory). */
export const templatesModel = defineRows({
  name: 'templates',
  schema: TemplateRowSchema,
  events: [TemplateEventSchema],
  key: (event) => event.data.templateId,
  evolve: (_row, event) => {
    const { templateId, name, kind, items } = event.data;
    return { id: templateId, name, kind, items, version: event.version };
  },
  // GET /api/templates reads the rows; no live board shows them.
  *boards(): Iterable<BoardName> {},
});
