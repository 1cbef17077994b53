import { requireWing } from '../access/policy';
import { defineAggregate } from '../application/Aggregate';
import type { StreamReads } from '../application/CommandBus';
import { defineCommand, type CommandDefinition, type CommandInput } from '../application/CommandDefinition';
import { param } from '../application/param';
import { ConcurrencyError, NotFound } from '../common/errors';
import type { EnrolWorker } from './commands';
import { EnrolWorkerBody, ForgetEnrolmentBody } from './commands';
import { driveAggregate } from './driveAggregate';
import { enrolmentDecider, enrolmentLinkDecider, type EnrolmentContext } from './enrolmentDecider';
import { EnrolmentEventSchema, EnrolmentLinkEventSchema } from './events';
import { seal, sealContext } from './sealing';

/** `enrolmentid-<driveId>.<enrolmentId>`: which phone's stream an enrolment id names (forget finds it so). */
export const enrolmentLinkAggregate = defineAggregate({
  name: 'enrolmentid',
  events: EnrolmentLinkEventSchema,
  decider: enrolmentLinkDecider,
  commands: () => [],
});

/** The HMAC of a phone in a drive: the same number in another drive hashes differently (no linking across drives). */
export const phoneHashOf = (input: Pick<CommandInput<unknown>, 'keys'>, driveId: string, phone: string): string =>
  input.keys.mac('enrolment-phone', `${driveId}:${phone}`);

/** The facts an enrolment is decided on; the drive's version becomes an append condition (a close racing it). */
async function enrolmentFacts(input: CommandInput<unknown>, command: EnrolWorker, reads: StreamReads): Promise<EnrolmentContext> {
  const driveStream = driveAggregate.stream(command.driveId);
  const drive = await input.bus.load(driveAggregate, driveStream);
  reads.set(driveStream, drive.version);
  const units = await input.facts.unitsKnowing([command.unit]);
  if (command.wing === undefined) return { drive: { state: drive.state }, units };
  return { drive: { state: drive.state }, units, wings: await input.facts.wingsKnowing([command.wing]) };
}

/**
 * One phone's enrolment in one drive, stream `enrolment-<driveId>.<phoneHash>` (SPEC v2 "the enrolment
 * drive"). The stream is named by the phone's HMAC, so a second enrolment of the phone finds it taken,
 * and two racing ones cannot both append "no stream". Its commands are reached by the drive's paths.
 */
export const enrolmentAggregate = defineAggregate({
  name: 'enrolment',
  events: EnrolmentEventSchema,
  decider: enrolmentDecider,
  unitsOf: (state, _context, command) => [command.type === 'EnrolWorker' ? command.unit : state?.unit],
  commands: (self): readonly CommandDefinition[] => [
    defineCommand({
      name: 'EnrolWorker',
      path: '/drives/:driveId/enrolments',
      summary: 'Enrol a worker (with their consent) in a unit that has a target; name and phone are stored sealed',
      body: EnrolWorkerBody,
      creates: true,
      permission: 'wing-work',
      async run(input) {
        const driveId = param(input.params, 'driveId');
        const { id, name, phone, consent: _consent, ...place } = input.body;
        if (place.wing !== undefined) requireWing(input.actor, 'wing-work', place.wing);
        const enrolmentId = id ?? input.newId();
        const phoneHash = phoneHashOf(input, driveId, phone);
        const streamId = self.stream(`${driveId}.${phoneHash}`);
        // A key per attempt: a refused attempt deletes its own key and no other.
        const keyId = `${driveId}.${enrolmentId}.${input.newId()}`;
        const key = await input.vault.create(keyId);
        const sealed = seal(key, sealContext(driveId, enrolmentId), { name, phone });
        const command: EnrolWorker = { type: 'EnrolWorker', at: input.now().toISOString(), driveId, enrolmentId, ...place, phoneHash, keyId, sealed };
        const { meta } = input.envelope;
        try {
          // The id is filed first (so that forget finds the phone's stream), after the enrolment was tried
          // on the states as they are now: a refused enrolment files nothing.
          await input.bus.execute({
            aggregate: enrolmentLinkAggregate,
            streamId: enrolmentLinkAggregate.stream(`${driveId}.${enrolmentId}`),
            id: enrolmentId,
            creates: true,
            command: { type: 'FileEnrolment', driveId, enrolmentId, phoneHash },
            meta: { ...meta, commandId: `${meta.commandId}-filed` },
            context: async () => {
              const current = await input.bus.load(self, streamId);
              self.decider.decide(command, current.state, await enrolmentFacts(input, command, new Map()));
            },
          });
          return await input.bus.execute({
            ...input.envelope,
            aggregate: self,
            streamId,
            id: enrolmentId,
            command,
            creates: true,
            context: (_state, reads) => enrolmentFacts(input, command, reads),
          });
        } catch (error) {
          await input.vault.delete(keyId);
          throw error;
        }
      },
    }),
    defineCommand({
      name: 'ForgetEnrolment',
      path: '/drives/:driveId/enrolments/:enrolmentId/forget',
      summary: 'Forget an enrolment: its key is deleted, so the name and phone are gone for good (counts stay)',
      body: ForgetEnrolmentBody,
      creates: false,
      permission: 'incharge',
      async run(input) {
        const driveId = param(input.params, 'driveId');
        const enrolmentId = param(input.params, 'enrolmentId');
        const link = await input.bus.load(enrolmentLinkAggregate, enrolmentLinkAggregate.stream(`${driveId}.${enrolmentId}`));
        if (link.state === undefined) throw new NotFound('enrolment-not-found', `enrolment ${enrolmentId} of drive ${driveId} does not exist`);
        const streamId = self.stream(`${driveId}.${link.state.phoneHash}`);
        const command = { type: 'ForgetEnrolment' as const, driveId, enrolmentId, reason: input.body.reason };
        const current = await input.bus.load(self, streamId);
        const { ifMatch } = input.envelope;
        if (ifMatch !== undefined && ifMatch !== current.version) throw new ConcurrencyError(streamId, String(ifMatch), String(current.version));
        self.decider.decide(command, current.state, {});
        // The key goes first: should the append fail, the data is unreadable already, and a retry records it.
        if (current.state !== undefined) await input.vault.delete(current.state.keyId);
        return input.bus.execute({ ...input.envelope, aggregate: self, streamId, id: enrolmentId, command, creates: false, context: async () => ({}) });
      },
    }),
  ],
});
