import { z } from 'zod';
import { eventSchema as event } from '../common/event';
import { IdSchema } from '../common/ids';
import { NameSchema, TitleSchema, text } from '../common/text';
import { StoredInstantSchema } from '../common/time';
import { AssigneeSchema } from '../task/events';
import { WingCodeSchema } from '../wings/events';
import { OffsetSchema } from './offset';

/** What a checklist prepares: a tour's stop, a meeting, or a whole visit (a tour, from its first stop). */
export const TemplateKindSchema = z.enum(['stop', 'meeting', 'visit']);
export type TemplateKind = z.infer<typeof TemplateKindSchema>;

export const TemplateItemSchema = z.strictObject({ title: TitleSchema, wing: WingCodeSchema, offset: OffsetSchema, assignee: NameSchema.optional() });
export type TemplateItem = z.infer<typeof TemplateItemSchema>;

const content = {
  name: z.strictObject({ en: text(120), hi: text(120) }),
  kind: TemplateKindSchema,
  items: z.array(TemplateItemSchema).min(1).max(100),
};

/** Version 1; every change is a new version, and programmes keep the one they used. */
export const TemplateDefined = event('TemplateDefined', { templateId: IdSchema, version: z.literal(1), ...content });
export const TemplateRevised = event('TemplateRevised', { templateId: IdSchema, version: z.number().int().min(2), ...content });

export const TemplateEventSchema = z.discriminatedUnion('type', [TemplateDefined, TemplateRevised]);
export type TemplateEvent = z.infer<typeof TemplateEventSchema>;

/** One task a checklist planted: its id, and the offset that moves it with the start. */
export const PlantedTaskSchema = z.strictObject({
  taskId: IdSchema,
  title: TitleSchema,
  wing: WingCodeSchema,
  offset: OffsetSchema,
  assignee: AssigneeSchema.optional(),
});
export type PlantedTask = z.infer<typeof PlantedTaskSchema>;

/** A template applied to a programme (a stop of it, or the meeting): its version and the tasks it planted. */
export const TemplateApplied = event('TemplateApplied', {
  programmeId: IdSchema,
  stopId: IdSchema.optional(),
  templateId: IdSchema,
  version: z.number().int().positive(),
  /** The start the due times were counted back from. */
  startsAt: StoredInstantSchema,
  tasks: z.array(PlantedTaskSchema).min(1).max(100),
});

export const ChecklistEventSchema = z.discriminatedUnion('type', [TemplateApplied]);
export type ChecklistEvent = z.infer<typeof ChecklistEventSchema>;
