import type { Decider } from '../common/decider';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { requireKnownUnit, requireKnownWing } from '../common/programme';
import type { Access, PersonEvent } from './events';
import type { PersonCommand } from './commands';
import { sameHash } from './credentials';
import { evolvePerson, type Person, type PersonState } from './PersonState';
import { refreshVerdict } from './refreshVerdict';

/** The catalogues a role's wing and unit must be in (only the commands that name them read them). */
export interface PersonContext {
  wings?: ReadonlyMap<string, unknown>;
  units?: ReadonlyMap<string, unknown>;
}

function requireAccessKnown(access: Access, context: PersonContext): void {
  if (access.wing !== undefined) requireKnownWing(context.wings ?? new Map(), access.wing);
  requireKnownUnit(context.units ?? new Map(), access.unit);
}

function existing(state: PersonState, personId: string): Person {
  if (state === undefined) throw new NotFound('person-not-found', `person ${personId} does not exist`);
  return state;
}

/** A person (SPEC v2 "people and access"): who they are, what role they hold, how they sign in. */
export const personDecider: Decider<PersonCommand, PersonEvent, PersonState, PersonContext> = {
  initialState: undefined,
  decide(command, state, context) {
    switch (command.type) {
      case 'AddPerson': {
        if (state !== undefined) throw new RuleViolation('person-id-taken', `person ${command.personId} exists`);
        const { type: _type, ...data } = command;
        requireAccessKnown(data, context);
        return [{ type: 'PersonAdded', data }];
      }
      case 'ChangeRole': {
        const person = existing(state, command.personId);
        const { type: _type, ...data } = command;
        requireAccessKnown(data, context);
        // The same role again changes nothing, and must not end the person's tokens.
        if (person.role === data.role && person.wing === data.wing && person.unit === data.unit) return [];
        return [{ type: 'RoleChanged', data }];
      }
      case 'IssueInvitation': {
        existing(state, command.personId);
        const { type: _type, ...data } = command;
        return [{ type: 'InvitationIssued', data }];
      }
      case 'RevokeAccess': {
        const person = existing(state, command.personId);
        if (person.revoked) return [];
        return [{ type: 'AccessRevoked', data: { personId: command.personId, reason: command.reason } }];
      }
      case 'RedeemInvitation': {
        const invitation = state?.invitation;
        if (state === undefined || invitation === undefined || !sameHash(invitation.codeHash, command.codeHash)) {
          throw new InvalidCommand('invitation-unknown', 'this invitation code is not valid (a newer invitation may have replaced it)');
        }
        if (invitation.redeemedAt !== undefined)
          throw new RuleViolation('invitation-used', `this invitation was used; ask ${invitation.invitedBy} for a new one`);
        if (invitation.expiresAt <= command.at)
          throw new RuleViolation('invitation-expired', `this invitation has expired; ask ${invitation.invitedBy} for a new one`);
        const { personId, familyId, refreshHash, expiresAt, at } = command;
        return [{ type: 'InvitationRedeemed', data: { personId, invitationId: invitation.invitationId, familyId, refreshHash, expiresAt, redeemedAt: at } }];
      }
      case 'RotateRefreshToken': {
        const verdict = refreshVerdict(state, command.familyId, command.presentedHash, command.at);
        const family = state?.families.get(command.familyId);
        if (verdict === 'retry') return [];
        if (verdict === 'reuse') return [{ type: 'RefreshFamilyRevoked', data: { personId: command.personId, familyId: command.familyId, reason: 'reuse' } }];
        if (verdict !== 'current' || state === undefined || family === undefined)
          throw new InvalidCommand(`refresh-${verdict}`, 'this refresh token cannot be used');
        const { familyId, nextHash: refreshHash, expiresAt, at: rotatedAt } = command;
        return [
          { type: 'RefreshTokenRotated', data: { personId: command.personId, familyId, generation: family.generation + 1, refreshHash, expiresAt, rotatedAt } },
        ];
      }
      case 'EndRefreshFamily': {
        const family = state?.families.get(command.familyId);
        if (family === undefined || family.ended || !sameHash(family.hash, command.presentedHash)) return [];
        return [{ type: 'RefreshFamilyRevoked', data: { personId: command.personId, familyId: command.familyId, reason: 'sign-out' } }];
      }
    }
  },
  evolve: evolvePerson,
};
