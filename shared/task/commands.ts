import { z } from 'zod';
import { UnitCodeSchema } from '../units/events';
import { IdSchema } from '../common/ids';
import { NameSchema, NoteSchema, ReasonSchema, TitleSchema } from '../common/text';
import { InstantSchema } from '../common/time';
import { CancelBody } from '../tour/commands';
import { WingCodeSchema } from '../wings/events';
import { TaskStatusSchema } from './events';

/** Free text (someone outside Tayari) or `{personId}`: the event records the person's name too. */
export const AssigneeBody = z.union([NameSchema, z.strictObject({ personId: IdSchema })]);

/** POST /api/tasks */
export const LogTaskBody = z.strictObject({
  id: IdSchema.optional(),
  programmeId: IdSchema,
  stopId: IdSchema.optional(),
  responsibilityId: IdSchema.optional(),
  wing: WingCodeSchema,
  title: TitleSchema,
  assignee: AssigneeBody.optional(),
  dueAt: InstantSchema.optional(),
  /** The organisation unit the task is for (SPEC v2), e.g. a block of the tour's district. */
  unit: UnitCodeSchema.optional(),
});
/** POST /api/tasks/{id}/status: `blocked` needs a reason, and only `blocked` takes one. */
export const ChangeTaskStatusBody = z
  .strictObject({ status: TaskStatusSchema, reason: ReasonSchema.optional(), note: NoteSchema.optional() })
  .superRefine((v, ctx) => {
    if (v.status === 'blocked' && v.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a blocked task needs a reason', params: { rule: 'blocked-needs-reason' } });
    }
    if (v.status !== 'blocked' && v.reason !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'only a blocked task takes a reason; use note', params: { rule: 'reason-only-when-blocked' } });
    }
  });
/** POST /api/tasks/{id}/assign */
export const AssignTaskBody = z.strictObject({ assignee: AssigneeBody });
/** POST /api/tasks/{id}/due */
export const ChangeTaskDueBody = z.strictObject({
  dueAt: InstantSchema,
  /** Move it only if no person has changed the task since it was logged (a checklist following its start). */
  followsStart: z.literal(true).optional(),
});
/** POST /api/tasks/{id}/notes */
export const AddTaskNoteBody = z.strictObject({ text: NoteSchema });
export { CancelBody as CancelTaskBody };

export type LogTask = { type: 'LogTask'; taskId: string } & Omit<z.output<typeof LogTaskBody>, 'id'>;
export type ChangeTaskStatus = { type: 'ChangeTaskStatus'; taskId: string } & z.output<typeof ChangeTaskStatusBody>;
export type AssignTask = { type: 'AssignTask'; taskId: string } & z.output<typeof AssignTaskBody>;
export type ChangeTaskDue = { type: 'ChangeTaskDue'; taskId: string } & z.output<typeof ChangeTaskDueBody>;
export type AddTaskNote = { type: 'AddTaskNote'; taskId: string } & z.output<typeof AddTaskNoteBody>;
export type CancelTask = { type: 'CancelTask'; taskId: string } & z.output<typeof CancelBody>;
export type TaskCommand = LogTask | ChangeTaskStatus | AssignTask | ChangeTaskDue | AddTaskNote | CancelTask;
