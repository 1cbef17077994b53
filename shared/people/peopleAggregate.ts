import { Forbidden } from '../access/Forbidden';
import { aggregateCommand } from '../application/aggregateCommand';
import { defineAggregate } from '../application/Aggregate';
import type { CommandInput } from '../application/CommandDefinition';
import { param } from '../application/param';
import type { Actor } from '../common/actor';
import { RuleViolation } from '../common/errors';
import { AddPersonBody, ChangeRoleBody, IssueInvitationBody, RevokeAccessBody } from './commands';
import { invitationCode, invitationSecret, secretHash } from './credentials';
import { personDecider } from './decider';
import { PersonEventSchema } from './events';
import type { PersonState } from './PersonState';

/** An invitation code works for 7 days (SPEC). */
export const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A wing-lead manages the organisers of its own wing; an in-charge manages everyone. */
function requireManages(actor: Actor, person: { role: string; wing?: string | undefined }): void {
  if (actor.role === 'incharge') return;
  if (person.wing !== actor.wing)
    throw new Forbidden('forbidden-other-wing', `this person is of wing ${person.wing ?? 'none'}; you act for ${actor.wing ?? 'no wing'}`);
  if (person.role !== 'organiser') throw new Forbidden('forbidden-person', 'a wing-lead manages only the organisers of its own wing');
}
const managesExisting =
  ({ actor }: Pick<CommandInput<unknown>, 'actor'>) =>
  (state: PersonState) => {
    if (state !== undefined) requireManages(actor, state);
  };

/** The people who use Tayari, each a stream `person-<id>` (SPEC v2 "people and access"). */
export const peopleAggregate = defineAggregate({
  name: 'person',
  events: PersonEventSchema,
  decider: personDecider,
  // A person of a unit is that unit's; a role change to another unit needs both.
  unitsOf: (state, _context, command) =>
    command.type === 'AddPerson' ? [command.unit] : command.type === 'ChangeRole' ? [state?.unit, command.unit] : [state?.unit],
  commands: (self) => {
    const person = ({ params }: Pick<CommandInput<unknown>, 'params'>) => {
      const personId = param(params, 'personId');
      return { personId, streamId: self.stream(personId) };
    };
    return [
      aggregateCommand(self, {
        name: 'AddPerson',
        path: '/people',
        summary: 'Add a person (an in-charge; a wing-lead adds organisers of its own wing)',
        body: AddPersonBody,
        creates: true,
        permission: 'wing-manage',
        check: ({ actor, body }) => requireManages(actor, body),
        target: ({ body: { id, ...rest }, newId }) => {
          const personId = id ?? newId();
          return { streamId: self.stream(personId), id: personId, command: { type: 'AddPerson' as const, personId, ...rest } };
        },
        context: async ({ facts, body }) => {
          const [wings, units] = await Promise.all([facts.wingsKnowing([body.wing]), facts.unitsKnowing([body.unit])]);
          return { wings, units };
        },
      }),
      aggregateCommand(self, {
        name: 'ChangeRole',
        path: '/people/:personId/role',
        summary: "Change a person's role, wing or unit (their tokens must be refreshed)",
        body: ChangeRoleBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { personId, streamId } = person(input);
          return { streamId, id: personId, command: { type: 'ChangeRole' as const, personId, ...input.body } };
        },
        context: async ({ facts, body }) => {
          const [wings, units] = await Promise.all([facts.wingsKnowing([body.wing]), facts.unitsKnowing([body.unit])]);
          return { wings, units };
        },
      }),
      aggregateCommand(self, {
        name: 'IssueInvitation',
        path: '/people/:personId/invite',
        summary: 'Issue a one-time sign-in link (7 days; voids the one before); answered with {link, code, expiresAt}',
        body: IssueInvitationBody,
        creates: true,
        permission: 'wing-manage',
        target: (input) => {
          const { personId, streamId } = person(input);
          const invitationId = input.newId();
          const codeHash = secretHash(invitationSecret(input.keys, personId, invitationId));
          const expiresAt = new Date(input.now().getTime() + INVITATION_DAYS * DAY_MS).toISOString();
          const command = { type: 'IssueInvitation' as const, personId, invitationId, codeHash, expiresAt, invitedBy: input.actor.name };
          return { streamId, id: invitationId, command };
        },
        context: async () => ({}),
        authorize: managesExisting,
        // The code is made again from the invitation's id: a retry (same Idempotency-Key) gets the same link.
        reveal: async ({ params, answer, keys, bus, origin }) => {
          const personId = param(params, 'personId');
          const { state } = await bus.load(self, self.stream(personId));
          const invitation = state?.invitation;
          if (invitation?.invitationId !== answer.id) throw new RuleViolation('invitation-voided', 'a newer invitation replaced this one');
          const code = invitationCode(personId, invitationSecret(keys, personId, answer.id));
          return { link: `${origin}/#invite=${code}`, code, expiresAt: invitation.expiresAt };
        },
      }),
      aggregateCommand(self, {
        name: 'RevokeAccess',
        path: '/people/:personId/revoke',
        summary: "End a person's access: every token and refresh token stops within 60 s",
        body: RevokeAccessBody,
        creates: false,
        permission: 'wing-manage',
        target: (input) => {
          const { personId, streamId } = person(input);
          return { streamId, id: personId, command: { type: 'RevokeAccess' as const, personId, reason: input.body.reason } };
        },
        context: async () => ({}),
        authorize: managesExisting,
      }),
    ];
  },
});
