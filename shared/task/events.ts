import { z } from 'zod';
import { TASK_STATUSES } from '../contract/domain';
import { UnitCodeSchema } from '../units/events';
import { eventSchema as event } from '../common/event';
import { IdSchema } from '../common/ids';
import { NameSchema, NoteSchema, ReasonSchema, TitleSchema } from '../common/text';
import { StoredInstantSchema } from '../common/time';
import { WingCodeSchema } from '../wings/events';

export const TaskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** Every task event names its programme and wing so that projections route it without lookups. */
const ref = { taskId: IdSchema, programmeId: IdSchema, wing: WingCodeSchema };
const note = { note: NoteSchema.optional() };

/**
 * A person of Tayari, with the name they had when given the task (boards show it without a join), or
 * free text for someone outside Tayari (the only kind before v2: old events still parse).
 */
export const AssigneeSchema = z.union([NameSchema, z.strictObject({ personId: IdSchema, name: NameSchema })]);
export type StoredAssignee = z.infer<typeof AssigneeSchema>;

export const TaskLogged = event('TaskLogged', {
  ...ref,
  programmeKind: z.enum(['tour', 'meeting']),
  title: TitleSchema,
  stopId: IdSchema.optional(),
  responsibilityId: IdSchema.optional(),
  assignee: AssigneeSchema.optional(),
  dueAt: StoredInstantSchema.optional(),
  unit: UnitCodeSchema.optional(),
});
export const TaskStarted = event('TaskStarted', { ...ref, ...note, from: TaskStatusSchema });
export const TaskBlocked = event('TaskBlocked', { ...ref, ...note, from: TaskStatusSchema, reason: ReasonSchema });
export const TaskUnblocked = event('TaskUnblocked', { ...ref, ...note, to: z.enum(['todo', 'in_progress']) });
export const TaskCompleted = event('TaskCompleted', { ...ref, ...note, from: TaskStatusSchema });
export const TaskReopened = event('TaskReopened', { ...ref, ...note, from: TaskStatusSchema });
export const TaskAssigned = event('TaskAssigned', { ...ref, assignee: AssigneeSchema });
/** `followsStart`: moved with its stop's or meeting's new start (a checklist's task no person had changed). */
export const TaskDueChanged = event('TaskDueChanged', { ...ref, dueAt: StoredInstantSchema, followsStart: z.literal(true).optional() });
export const TaskNoteAdded = event('TaskNoteAdded', { ...ref, text: NoteSchema });
export const TaskCancelled = event('TaskCancelled', { ...ref, reason: ReasonSchema });

export const TaskEventSchema = z.discriminatedUnion('type', [
  TaskLogged,
  TaskStarted,
  TaskBlocked,
  TaskUnblocked,
  TaskCompleted,
  TaskReopened,
  TaskAssigned,
  TaskDueChanged,
  TaskNoteAdded,
  TaskCancelled,
]);
export type TaskEvent = z.infer<typeof TaskEventSchema>;
