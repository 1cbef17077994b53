/**
 * Who a task is given to (SPEC v2 "people and access"): a person of Tayari, with their name as it was
 * at assignment (boards show it without a join), or free text for someone outside Tayari. Node-free:
 * the page renders it with `assigneeName`.
 */
export type Assignee = string | PersonAssignee;

export interface PersonAssignee {
  personId: string;
  name: string;
}

/** The name a board shows for an assignee. */
export function assigneeName(assignee: Assignee): string;
export function assigneeName(assignee: Assignee | undefined): string | undefined;
export function assigneeName(assignee: Assignee | undefined): string | undefined {
  return typeof assignee === 'object' ? assignee.name : assignee;
}

/** The person a task is given to, when it is given to one. */
export function assigneePersonId(assignee: Assignee | undefined): string | undefined {
  return typeof assignee === 'object' ? assignee.personId : undefined;
}
