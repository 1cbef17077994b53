import { createHash } from 'node:crypto';
import type { Decider } from '../common/decider';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { fact } from '../common/fact';
import { requireLiveProgramme, type ProgrammeFacts } from '../common/programme';
import type { ApplyTemplate } from './commands';
import type { ChecklistEvent, PlantedTask } from './events';
import type { TemplateState } from './templateDecider';

/** What a programme's checklists planted, by template and stop (`<templateId>|<stopId>`). */
export type ChecklistState = ReadonlyMap<string, { version: number; stopId?: string | undefined; startsAt: string; tasks: readonly PlantedTask[] }>;

export interface ChecklistContext {
  programme?: ProgrammeFacts | undefined;
  template?: TemplateState;
}

export const checklistKey = (templateId: string, stopId: string | undefined) => `${templateId}|${stopId ?? ''}`;

/** A planted task's id: the same however often the template is applied to that stop. */
export function plantedTaskId(programmeId: string, stopId: string | undefined, templateId: string, index: number): string {
  return `tpl-${createHash('sha256')
    .update(`${programmeId}|${stopId ?? ''}|${templateId}|${index}`)
    .digest('hex')
    .slice(0, 24)}`;
}

/** The start the template's offsets count back from: the stop's, the meeting's, or a visit's first stop. */
function startOf(command: ApplyTemplate, programme: ProgrammeFacts, kind: NonNullable<TemplateState>['kind']): string {
  const { stopId } = command;
  if (kind === 'meeting') {
    if (programme.kind !== 'meeting' || stopId !== undefined)
      throw new InvalidCommand('template-kind', 'a meeting template applies to a meeting', ['templateId']);
    return fact(programme.startsAt, 'startsAt');
  }
  if (programme.kind !== 'tour') throw new InvalidCommand('template-kind', `a ${kind} template applies to a tour`, ['templateId']);
  if (kind === 'stop') {
    if (stopId === undefined) throw new InvalidCommand('template-needs-stop', 'a stop template needs the stop it prepares', ['stopId']);
    return fact(programme.stops.get(stopId)?.startsAt, 'stop startsAt');
  }
  if (stopId !== undefined) throw new InvalidCommand('template-kind', 'a visit template prepares the whole tour, not one stop', ['stopId']);
  const starts = [...programme.stops.values()].filter((stop) => !stop.cancelled).map((stop) => fact(stop.startsAt, 'stop startsAt'));
  const first = starts.sort()[0];
  if (first === undefined) throw new RuleViolation('tour-has-no-stops', `tour ${programme.id} has no stop to count back from`);
  return first;
}

/** A programme's checklists (SPEC v2): applying a template plants its tasks once per stop or meeting. */
export const checklistDecider: Decider<ApplyTemplate, ChecklistEvent, ChecklistState, ChecklistContext> = {
  initialState: new Map(),
  decide(command, state, context) {
    const { programmeId, stopId, templateId } = command;
    const programme = requireLiveProgramme(programmeId, context.programme, stopId);
    const template = context.template;
    if (template === undefined) throw new NotFound('template-not-found', `template ${templateId} does not exist`);
    const startsAt = startOf(command, programme, template.kind);
    // Applied already (whatever version): nothing more; the tasks it planted stay as they are.
    if (state.has(checklistKey(templateId, stopId))) return [];
    const tasks = template.items.map(({ assignee, ...item }, index) => ({
      taskId: plantedTaskId(programmeId, stopId, templateId, index),
      ...item,
      ...(assignee === undefined ? {} : { assignee }),
    }));
    return [
      { type: 'TemplateApplied', data: { programmeId, ...(stopId === undefined ? {} : { stopId }), templateId, version: template.version, startsAt, tasks } },
    ];
  },
  evolve(state, event) {
    const { templateId, stopId, version, startsAt, tasks } = event.data;
    return new Map(state).set(checklistKey(templateId, stopId), { version, stopId, startsAt, tasks });
  },
};
