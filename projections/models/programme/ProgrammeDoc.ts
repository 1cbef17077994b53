import { z } from 'zod';

// The read-model schemas are strict: documents are written only by our evolve functions and the
// runner's cache keeps them unparsed, so a field missing here would be shown until the next start
// and silently dropped by the load after it. A mismatch fails that load instead.

/** A short record of who wrote the last note of a task, and when. */
export const NoteRefSchema = z.strictObject({ text: z.string(), at: z.string(), by: z.string() });

export const TaskCardStatusSchema = z.enum(['todo', 'in_progress', 'blocked', 'done', 'cancelled']);

/** A task as a board shows it; derived-by-clock values (overdue) are not stored. */
export const TaskCardSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  wing: z.string(),
  /** As the task's event stored it: free text, or a person with their name at assignment. */
  assignee: z.union([z.string(), z.strictObject({ personId: z.string(), name: z.string() })]).optional(),
  dueAt: z.string().optional(),
  stopId: z.string().optional(),
  responsibilityId: z.string().optional(),
  /** The organisation unit the task is for, when it names one. */
  unit: z.string().optional(),
  status: TaskCardStatusSchema,
  blockedReason: z.string().optional(),
  /** When the task became blocked (kept while it stays blocked, a new reason included). */
  blockedSince: z.string().optional(),
  cancelReason: z.string().optional(),
  /** The task stream's version (what If-Match compares with). */
  version: z.number().int(),
  /** positionKey of the TaskLogged event: a stable order for cards logged at the same due time. */
  loggedKey: z.string(),
  notes: z.number().int(),
  lastNote: NoteRefSchema.optional(),
  /** The last event of the task: when, by whom (name), which type. Absent in documents from before v2. */
  lastChange: z.strictObject({ at: z.string(), by: z.string(), type: z.string() }).optional(),
});
export type TaskCard = z.infer<typeof TaskCardSchema>;

export const ResponsibilityViewSchema = z.strictObject({
  id: z.string(),
  wing: z.string(),
  duty: z.string(),
  stopId: z.string().optional(),
  lead: z.string().optional(),
  acknowledged: z.boolean(),
  acknowledgedBy: z.strictObject({ name: z.string(), at: z.string() }).optional(),
  /** When the duty was given to its current wing (assigned or reassigned): unacknowledged since then. */
  givenAt: z.string().optional(),
  cancelled: z.boolean(),
  cancelReason: z.string().optional(),
  /** The responsibility stream's version. */
  version: z.number().int(),
  assignedKey: z.string(),
});
export type ResponsibilityView = z.infer<typeof ResponsibilityViewSchema>;

export const StopViewSchema = z.strictObject({
  id: z.string(),
  place: z.string(),
  district: z.string(),
  venue: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  hostWing: z.string().optional(),
  cancelled: z.boolean(),
  cancelReason: z.string().optional(),
});
export type StopView = z.infer<typeof StopViewSchema>;

const common = {
  id: z.string(),
  title: z.string(),
  status: z.enum(['planned', 'cancelled']),
  cancelReason: z.string().optional(),
  /** The programme stream's version (its ETag). */
  version: z.number().int(),
  /** The position of the programme's own last event. */
  position: z.string(),
  /** The organisation unit it belongs to (SPEC v2), when it names one. */
  unit: z.string().optional(),
  tasks: z.record(z.string(), TaskCardSchema),
  responsibilities: z.record(z.string(), ResponsibilityViewSchema),
  /** Wings with a live task or responsibility here: the wing boards that show this programme. */
  wings: z.array(z.string()),
};

export const TourDocSchema = z.strictObject({
  ...common,
  kind: z.literal('tour'),
  leader: z.string(),
  region: z.string().optional(),
  notes: z.string().optional(),
  stops: z.array(StopViewSchema),
});

export const MeetingDocSchema = z.strictObject({
  ...common,
  kind: z.literal('meeting'),
  venue: z.string(),
  startsAt: z.string(),
  endsAt: z.string().optional(),
  chairs: z.array(z.string()),
  agenda: z.array(z.string()),
  /** The series it belongs to: its board carries the follow-ups of the series' earlier meetings. */
  series: z.string().optional(),
  /** Every task its minutes made, in the order made (all minutes, not only the latest). */
  followUpTasks: z.array(z.string()).optional(),
  minutes: z
    .strictObject({
      decisions: z.array(z.string()),
      /** The decisions for a wing (by their place in `decisions`) and the tasks they became. */
      followUps: z.array(z.strictObject({ decision: z.number().int().nonnegative(), taskId: z.string(), wing: z.string() })).optional(),
      attendance: z.number().optional(),
      recordedAt: z.string(),
    })
    .optional(),
});

/**
 * A programme with its tasks and responsibilities: how the board builders see it. The read store
 * keeps the parts apart (a header, and a row per task and per responsibility) so that an event writes
 * one small row; the model cache assembles this view when a board is read.
 */
export const ProgrammeDocSchema = z.discriminatedUnion('kind', [TourDocSchema, MeetingDocSchema]);
export type ProgrammeDoc = z.infer<typeof ProgrammeDocSchema>;
export type TourDoc = z.infer<typeof TourDocSchema>;
export type MeetingDoc = z.infer<typeof MeetingDocSchema>;

/** The programme's own row: the tour (with its stops) or the meeting, without tasks or duties. */
export const ProgrammeHeaderSchema = z.discriminatedUnion('kind', [
  TourDocSchema.omit({ tasks: true, responsibilities: true, wings: true }),
  MeetingDocSchema.omit({ tasks: true, responsibilities: true, wings: true }),
]);
export type ProgrammeHeader = z.infer<typeof ProgrammeHeaderSchema>;
export type TourHeader = Extract<ProgrammeHeader, { kind: 'tour' }>;
export type MeetingHeader = Extract<ProgrammeHeader, { kind: 'meeting' }>;

/** A task's own row: its card and the programme it belongs to. */
export const TaskRowSchema = TaskCardSchema.extend({ programmeId: z.string() });
export type TaskRow = z.infer<typeof TaskRowSchema>;

/** A responsibility's own row. */
export const ResponsibilityRowSchema = ResponsibilityViewSchema.extend({ programmeId: z.string() });
export type ResponsibilityRow = z.infer<typeof ResponsibilityRowSchema>;
