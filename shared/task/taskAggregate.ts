import { requireWing } from '../access/policy';
import { aggregateCommand } from '../application/aggregateCommand';
import { defineAggregate } from '../application/Aggregate';
import type { CommandInput } from '../application/CommandDefinition';
import { ownProgramme } from '../application/ownProgramme';
import { param } from '../application/param';
import { ownWing } from '../application/ownWing';
import { AddTaskNoteBody, AssignTaskBody, CancelTaskBody, ChangeTaskDueBody, ChangeTaskStatusBody, LogTaskBody } from './commands';
import { taskDecider } from './decider';
import { TaskEventSchema } from './events';

/** The person an assignee names, if it names one. */
const personNamed = (assignee: string | { personId: string } | undefined) => (typeof assignee === 'object' ? assignee.personId : undefined);

type Params = Pick<CommandInput<unknown>, 'params'>;

/** A preparation task of a wing, on a programme (or one of its stops). */
export const taskAggregate = defineAggregate({
  name: 'task',
  events: TaskEventSchema,
  decider: taskDecider,
  // A task of a unit is that unit's; otherwise its programme's.
  unitsOf: (state, context, command) => [(state.exists ? state.unit : command.type === 'LogTask' ? command.unit : undefined) ?? context.programme?.unit],
  commands: (self) => {
    const task = ({ params }: Params) => {
      const taskId = param(params, 'taskId');
      return { taskId, streamId: self.stream(taskId), id: taskId };
    };
    return [
      aggregateCommand(self, {
        name: 'LogTask',
        path: '/tasks',
        summary: 'Log a preparation task for a wing',
        body: LogTaskBody,
        creates: true,
        permission: 'wing-manage',
        check: ({ actor, body }) => requireWing(actor, 'wing-manage', body.wing),
        target: ({ body: { id, ...rest }, newId }) => {
          const taskId = id ?? newId();
          return { streamId: self.stream(taskId), id: taskId, command: { type: 'LogTask' as const, taskId, ...rest } };
        },
        context: async ({ facts, body }) => {
          const [wings, programme, responsibility, person] = await Promise.all([
            facts.wingsKnowing([body.wing]),
            facts.programme(body.programmeId),
            facts.responsibility(body.responsibilityId),
            facts.person(personNamed(body.assignee)),
          ]);
          const units = body.unit === undefined ? undefined : await facts.unitsKnowing([body.unit]);
          return { wings, programme, responsibility, person, ...(units === undefined ? {} : { units }) };
        },
      }),
      aggregateCommand(self, {
        name: 'ChangeTaskStatus',
        path: '/tasks/:taskId/status',
        summary: 'Move a task to todo, in_progress, blocked (with a reason) or done',
        body: ChangeTaskStatusBody,
        creates: false,
        permission: 'wing-work',
        target: (input) => {
          const { taskId, ...target } = task(input);
          return { ...target, command: { type: 'ChangeTaskStatus' as const, taskId, ...input.body } };
        },
        context: ownProgramme,
        authorize: ownWing('wing-work'),
      }),
      aggregateCommand(self, {
        name: 'AssignTask',
        path: '/tasks/:taskId/assign',
        summary: 'Give a task to a person',
        body: AssignTaskBody,
        creates: false,
        permission: 'wing-manage',
        target: (input) => {
          const { taskId, ...target } = task(input);
          return { ...target, command: { type: 'AssignTask' as const, taskId, ...input.body } };
        },
        context: async (input, target, state) => ({
          ...(await ownProgramme(input, target, state)),
          person: await input.facts.person(personNamed(input.body.assignee)),
        }),
        authorize: ownWing('wing-manage'),
      }),
      aggregateCommand(self, {
        name: 'ChangeTaskDue',
        path: '/tasks/:taskId/due',
        summary: "Change a task's due time",
        body: ChangeTaskDueBody,
        creates: false,
        permission: 'wing-work',
        target: (input) => {
          const { taskId, ...target } = task(input);
          return { ...target, command: { type: 'ChangeTaskDue' as const, taskId, ...input.body } };
        },
        context: ownProgramme,
        authorize: ownWing('wing-work'),
      }),
      aggregateCommand(self, {
        name: 'AddTaskNote',
        path: '/tasks/:taskId/notes',
        summary: 'Add a note to a task',
        body: AddTaskNoteBody,
        creates: false,
        permission: 'wing-work',
        target: (input) => {
          const { taskId, ...target } = task(input);
          return { ...target, command: { type: 'AddTaskNote' as const, taskId, ...input.body } };
        },
        context: ownProgramme,
        authorize: ownWing('wing-work'),
      }),
      aggregateCommand(self, {
        name: 'CancelTask',
        path: '/tasks/:taskId/cancel',
        summary: 'Cancel a task (it leaves boards and readiness)',
        body: CancelTaskBody,
        creates: false,
        permission: 'wing-manage',
        target: (input) => {
          const { taskId, ...target } = task(input);
          return { ...target, command: { type: 'CancelTask' as const, taskId, ...input.body } };
        },
        context: ownProgramme,
        authorize: ownWing('wing-manage'),
      }),
    ];
  },
});
