import type { FollowUp } from '../application/CommandDefinition';
import { decisionTitle, type StoredDecision } from './decisions';

/** The LogTask of every decision for a wing (SPEC v2 "meeting follow-ups"), as the minutes named it. */
export function decisionTasks(meetingId: string, decisions: readonly StoredDecision[]): FollowUp[] {
  return decisions.flatMap((decision): FollowUp[] => {
    if (typeof decision === 'string' || decision.wing === undefined || decision.taskId === undefined) return [];
    const { text, wing, taskId, assignee, dueAt } = decision;
    const body = {
      id: taskId,
      programmeId: meetingId,
      wing,
      title: decisionTitle(text),
      ...(assignee === undefined ? {} : { assignee: typeof assignee === 'string' ? assignee : { personId: assignee.personId } }),
      ...(dueAt === undefined ? {} : { dueAt }),
    };
    return [{ name: 'LogTask', params: {}, body }];
  });
}
