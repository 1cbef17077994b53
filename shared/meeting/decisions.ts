import { createHash } from 'node:crypto';
import { z } from 'zod';
import { InvalidCommand, NotFound } from '../common/errors';
import { IdSchema } from '../common/ids';
import { requireKnownWing } from '../common/programme';
import { text } from '../common/text';
import { InstantSchema, StoredInstantSchema } from '../common/time';
import { AssigneeBody } from '../task/commands';
import { AssigneeSchema } from '../task/events';
import { WingCodeSchema } from '../wings/events';

const DecisionText = text(1000);

/** A decision as the minutes' author writes it: plain text, or text for a wing to act on (SPEC v2). */
export const DecisionBody = z.union([
  DecisionText,
  z.strictObject({ text: DecisionText, wing: WingCodeSchema.optional(), assignee: AssigneeBody.optional(), dueAt: InstantSchema.optional() }),
]);
export type DecisionInput = z.output<typeof DecisionBody>;

/**
 * A decision as the minutes keep it. One with a wing names the task it became (`taskId`, derived from
 * the meeting, the minutes' number and the decision's place), and its assignee as stored on tasks.
 */
export const StoredDecisionSchema = z.union([
  DecisionText,
  z.strictObject({
    text: DecisionText,
    wing: WingCodeSchema.optional(),
    assignee: AssigneeSchema.optional(),
    dueAt: StoredInstantSchema.optional(),
    taskId: IdSchema.optional(),
  }),
]);
export type StoredDecision = z.infer<typeof StoredDecisionSchema>;

/** The text of a decision, whichever form it has. */
export const decisionText = (decision: StoredDecision | DecisionInput): string => (typeof decision === 'string' ? decision : decision.text);

/**
 * The id of the task a decision becomes: the same for a retry, different for every decision of every
 * minutes of every meeting. Readable when it fits an id (64 characters), hashed otherwise.
 */
export function decisionTaskId(meetingId: string, minutes: number, index: number): string {
  const readable = `${meetingId}-m${minutes}-d${index + 1}`;
  if (readable.length <= 64) return readable;
  return `fu-${createHash('sha256').update(readable).digest('hex').slice(0, 24)}`;
}

/** A task's title from a decision's text: the first 200 characters, cut at a word where one is near. */
export function decisionTitle(decision: string): string {
  if (decision.length <= 200) return decision;
  const cut = decision.slice(0, 199);
  const space = cut.lastIndexOf(' ');
  return `${space > 150 ? cut.slice(0, space) : cut}…`;
}

/** What checking a decision needs: the wing catalogue and the people decisions name (undefined: none such). */
export interface DecisionFacts {
  wings?: ReadonlyMap<string, unknown>;
  people?: ReadonlyMap<string, { name: string } | undefined>;
}

/**
 * A decision as the minutes keep it: one for a wing gets its task's id and its assignee's name; a wing
 * unknown, a person unknown, or an assignee or due time without a wing to act is refused.
 */
export function storedDecision(decision: DecisionInput, index: number, meetingId: string, minutes: number, facts: DecisionFacts): StoredDecision {
  if (typeof decision === 'string') return decision;
  const at = ['decisions', index];
  const { text: said, wing, assignee, dueAt } = decision;
  if (wing === undefined) {
    if (assignee !== undefined || dueAt !== undefined)
      throw new InvalidCommand('decision-needs-wing', 'a decision with an assignee or a due time needs the wing that acts on it', [...at, 'wing']);
    return said;
  }
  requireKnownWing(facts.wings ?? new Map(), wing, [...at, 'wing']);
  let stored: StoredDecision & object = { text: said, wing, taskId: decisionTaskId(meetingId, minutes, index) };
  if (assignee !== undefined) {
    if (typeof assignee === 'string') stored = { ...stored, assignee };
    else {
      const person = facts.people?.get(assignee.personId);
      if (person === undefined) throw new NotFound('person-not-found', `person ${assignee.personId} does not exist`);
      stored = { ...stored, assignee: { personId: assignee.personId, name: person.name } };
    }
  }
  return dueAt === undefined ? stored : { ...stored, dueAt };
}
