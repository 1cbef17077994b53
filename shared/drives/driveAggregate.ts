import { aggregateCommand } from '../application/aggregateCommand';
import { defineAggregate } from '../application/Aggregate';
import type { CommandInput } from '../application/CommandDefinition';
import { param } from '../application/param';
import { CloseDriveBody, LaunchDriveBody, SetDriveTargetBody } from './commands';
import { driveDecider } from './decider';
import { DriveEventSchema } from './events';

/**
 * An enrolment drive (SPEC v2), stream `drive-<id>`: its window, targets and closing. Its enrolments
 * live in streams of their own (enrolmentAggregate.ts), so a burst of them never contends here; each
 * enrolment's append is conditioned on this stream's version, so a close racing it wins or loses whole.
 */
export const driveAggregate = defineAggregate({
  name: 'drive',
  events: DriveEventSchema,
  decider: driveDecider,
  // A drive is every unit it has a target for.
  unitsOf: (state, _context, command) =>
    command.type === 'LaunchDrive' ? Object.keys(command.targets) : command.type === 'SetDriveTarget' ? [command.unit] : Object.keys(state?.targets ?? {}),
  commands: (self) => {
    const drive = ({ params }: Pick<CommandInput<unknown>, 'params'>) => {
      const driveId = param(params, 'driveId');
      return { driveId, streamId: self.stream(driveId), id: driveId };
    };
    return [
      aggregateCommand(self, {
        name: 'LaunchDrive',
        path: '/drives',
        summary: 'Launch an enrolment drive with a window and targets per unit (districts and below)',
        body: LaunchDriveBody,
        creates: true,
        permission: 'incharge',
        target: ({ body: { id, ...rest }, newId }) => {
          const driveId = id ?? newId();
          return { streamId: self.stream(driveId), id: driveId, command: { type: 'LaunchDrive' as const, driveId, ...rest } };
        },
        context: async ({ facts, body }) => ({ units: await facts.unitsKnowing(Object.keys(body.targets)) }),
      }),
      aggregateCommand(self, {
        name: 'SetDriveTarget',
        path: '/drives/:driveId/targets',
        summary: "Set a unit's target in a drive (a unit without one takes no enrolments)",
        body: SetDriveTargetBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { driveId, streamId, id } = drive(input);
          return { streamId, id, command: { type: 'SetDriveTarget' as const, driveId, ...input.body } };
        },
        context: async ({ facts, body }) => ({ units: await facts.unitsKnowing([body.unit]) }),
      }),
      aggregateCommand(self, {
        name: 'CloseDrive',
        path: '/drives/:driveId/close',
        summary: 'Close a drive: it takes no more enrolments',
        body: CloseDriveBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { driveId, streamId, id } = drive(input);
          return { streamId, id, command: { type: 'CloseDrive' as const, driveId } };
        },
        context: async () => ({}),
      }),
    ];
  },
});
