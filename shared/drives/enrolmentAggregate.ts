import { requireWing } from '../access/policy';
import { defineAggregate } from '../application/Aggregate';
import type { StreamReads } from '../application/CommandBus';
import { defineCommand, type CommandDefinition, type CommandInput } from '../application/CommandDefinition';
import { param } from '../application/param';
import { ConcurrencyError, NotFound } from '../common/errors';
import { normalisePhone } from '../common/phone';
import type { EnrolWorker } from './commands';
import { EnrolWorkerBody, ForgetEnrolmentBody } from './commands';
import { driveAggregate } from './driveAggregate';
import { checkEnrolment, enrolmentDecider, enrolmentLinkDecider, type EnrolmentCheck, type EnrolmentContext, type EnrolmentState } from './enrolmentDecider';
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

/** The phone a batch item names, as its duplicate check will see it (the written form when it is no phone). */
function enrolledPhone(body: unknown): string {
  const phone = typeof body === 'object' && body !== null && 'phone' in body ? body.phone : undefined;
  return typeof phone === 'string' ? (normalisePhone(phone) ?? phone) : '';
}

/** The facts an enrolment is decided on; the drive's version becomes an append condition (a close racing it). */
async function enrolmentFacts(input: CommandInput<unknown>, command: EnrolmentCheck, reads: StreamReads): Promise<EnrolmentContext> {
  const driveStream = driveAggregate.stream(command.driveId);
  const drive = await input.bus.load(driveAggregate, driveStream);
  reads.set(driveStream, drive.version);
  const units = await input.facts.unitsKnowing([command.unit]);
  if (command.wing === undefined) return { drive: { state: drive.state }, units };
  return { drive: { state: drive.state }, units, wings: await input.facts.wingsKnowing([command.wing]) };
}

/**
 * Whether the phone's stream holds the attempt that made `keyId` (its version and position), read
 * afresh; `'unknown'` when it cannot be read (then the key is kept: deleting it could shred a committed
 * enrolment, keeping it costs an unused key).
 */
async function committedAttempt(
  load: () => Promise<{ state: EnrolmentState; version: number; position?: string | undefined }>,
  keyId: string,
): Promise<{ version: number; position: string } | undefined | 'unknown'> {
  try {
    const current = await load();
    return current.state?.keyId === keyId && current.position !== undefined ? { version: current.version, position: current.position } : undefined;
  } catch {
    return 'unknown';
  }
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
      // Enrolments of different phones touch streams of their own, so a batch may run them side by side
      // and share commits; two of one phone share a lane, so the second sees the first (409) in order.
      batchLane: (params, body) => `enrol:${params.driveId}:${enrolledPhone(body)}`,
      async run(input) {
        const driveId = param(input.params, 'driveId');
        const { id, name, phone, consent: _consent, ...place } = input.body;
        if (place.wing !== undefined) requireWing(input.actor, 'wing-work', place.wing);
        const enrolmentId = id ?? input.newId();
        const phoneHash = phoneHashOf(input, driveId, phone);
        const streamId = self.stream(`${driveId}.${phoneHash}`);
        // A key per attempt: a refused attempt deletes its own key and no other.
        const keyId = `${driveId}.${enrolmentId}.${input.newId()}`;
        const check = { type: 'EnrolWorker' as const, at: input.now().toISOString(), driveId, enrolmentId, ...place, phoneHash };
        const { meta } = input.envelope;
        // The facts are read once, for the check before the id is filed; the append reuses them (and
        // the versions read, its conditions) unless it lost a race and must decide on newer ones.
        let decided: { facts: EnrolmentContext; reads: StreamReads } | undefined;
        let key: Promise<Buffer> | undefined;
        const makeKey = () => {
          const made = input.vault.create(keyId);
          // Awaited below; this only keeps a failure that comes before that from counting as unhandled.
          made.catch(() => undefined);
          return made;
        };
        try {
          // The id is filed first (so that forget finds the phone's stream), after the enrolment was
          // checked on the states as they are now: a refused enrolment files nothing and makes no key.
          await input.bus.execute({
            aggregate: enrolmentLinkAggregate,
            streamId: enrolmentLinkAggregate.stream(`${driveId}.${enrolmentId}`),
            id: enrolmentId,
            creates: true,
            command: { type: 'FileEnrolment', driveId, enrolmentId, phoneHash },
            meta: { ...meta, commandId: `${meta.commandId}-filed` },
            context: async () => {
              const current = await input.bus.load(self, streamId);
              const reads: StreamReads = new Map();
              const facts = await enrolmentFacts(input, check, reads);
              checkEnrolment(check, current.state, facts);
              decided = { facts, reads };
              // Accepted: the key is written while the id is filed (both group-committed).
              key ??= makeKey();
            },
          });
          key ??= makeKey();
          const command: EnrolWorker = { ...check, keyId, sealed: seal(await key, sealContext(driveId, enrolmentId), { name, phone }) };
          return await input.bus.execute({
            ...input.envelope,
            aggregate: self,
            streamId,
            id: enrolmentId,
            command,
            creates: true,
            context: async (_state, reads) => {
              const first = decided;
              decided = undefined;
              if (first === undefined) return enrolmentFacts(input, command, reads);
              for (const [stream, version] of first.reads) reads.set(stream, version);
              return first.facts;
            },
          });
        } catch (error) {
          if (key === undefined) throw error;
          // An append that failed may have committed (a timeout; its retry then refused as a duplicate
          // of itself): the phone's stream says. If it holds this attempt, its key is in use: keep it.
          const committed = await committedAttempt(() => input.bus.load(self, streamId), keyId);
          if (committed === 'unknown') throw error;
          if (committed !== undefined) return { status: 201, body: { id: enrolmentId, ...committed }, appended: false };
          // A key still being written is deleted once it is (else the write would land after the delete);
          // a failed delete leaves an unused key (harmless) and must not hide why the enrolment failed.
          await key
            .then(
              () => input.vault.delete(keyId),
              () => input.vault.delete(keyId),
            )
            .catch(() => undefined);
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
