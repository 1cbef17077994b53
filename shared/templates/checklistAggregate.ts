import { aggregateCommand } from '../application/aggregateCommand';
import { defineAggregate } from '../application/Aggregate';
import type { FollowUp } from '../application/CommandDefinition';
import { param } from '../application/param';
import { checklistDecider, checklistKey } from './checklistDecider';
import { ApplyTemplateBody } from './commands';
import { ChecklistEventSchema, type PlantedTask } from './events';
import { dueFrom } from './offset';

/** The LogTask of each task a template planted, due at its offset before the start. */
export function plantedTasks(programmeId: string, stopId: string | undefined, startsAt: string, tasks: readonly PlantedTask[]): FollowUp[] {
  return tasks.map(({ taskId, title, wing, offset, assignee }) => ({
    name: 'LogTask',
    params: {},
    body: {
      id: taskId,
      programmeId,
      ...(stopId === undefined ? {} : { stopId }),
      wing,
      title,
      dueAt: dueFrom(startsAt, offset),
      ...(assignee === undefined ? {} : { assignee: typeof assignee === 'string' ? assignee : { personId: assignee.personId } }),
    },
  }));
}

/** The templates applied to a programme, one stream per programme (`checklist-<programmeId>`). */
export const checklistAggregate = defineAggregate({
  name: 'checklist',
  events: ChecklistEventSchema,
  decider: checklistDecider,
  unitsOf: (_state, context) => [context.programme?.unit],
  commands: (self) => [
    aggregateCommand(self, {
      name: 'ApplyTemplate',
      path: '/programmes/:programmeId/apply-template',
      summary: 'Apply a checklist template to a stop, a meeting or a whole visit: one task per item, due counted back from the start (twice adds nothing)',
      body: ApplyTemplateBody,
      creates: false,
      permission: 'incharge',
      target: ({ params, body }) => {
        const programmeId = param(params, 'programmeId');
        return { streamId: self.stream(programmeId), id: programmeId, command: { type: 'ApplyTemplate' as const, programmeId, ...body } };
      },
      context: async ({ facts, params, body }) => {
        const [programme, template] = await Promise.all([facts.programme(param(params, 'programmeId')), facts.template(body.templateId)]);
        return { programme, template };
      },
      // Made from what the checklist holds for this template and stop: a retry plants what a crash left out.
      followUps: async ({ params, body, bus }) => {
        const programmeId = param(params, 'programmeId');
        const { templateId, stopId } = ApplyTemplateBody.parse(body);
        const applied = (await bus.load(self, self.stream(programmeId))).state.get(checklistKey(templateId, stopId));
        return applied ? plantedTasks(programmeId, stopId, applied.startsAt, applied.tasks) : [];
      },
    }),
  ],
});
