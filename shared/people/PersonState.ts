import type { Access, PersonEvent } from './events';

export interface RefreshFamily {
  generation: number;
  hash: string;
  /** The hash of the generation before, presented again shortly after a rotation by a retrying phone. */
  previousHash?: string | undefined;
  rotatedAt?: string | undefined;
  expiresAt: string;
  ended: boolean;
}

export interface Invitation {
  invitationId: string;
  codeHash: string;
  expiresAt: string;
  invitedBy: string;
  redeemedAt?: string | undefined;
}

export interface Person extends Access {
  name: string;
  phone?: string | undefined;
  /** Goes up whenever what the person's tokens say stops being true (role change, revocation). */
  accessVersion: number;
  revoked: boolean;
  invitation?: Invitation | undefined;
  families: ReadonlyMap<string, RefreshFamily>;
}

export type PersonState = Person | undefined;

function endAll(families: ReadonlyMap<string, RefreshFamily>): ReadonlyMap<string, RefreshFamily> {
  return new Map([...families].map(([id, family]) => [id, { ...family, ended: true }]));
}

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  if (event.type === 'PersonAdded') {
    const { personId: _id, ...person } = event.data;
    return { ...person, accessVersion: 1, revoked: false, families: new Map() };
  }
  if (state === undefined) return state;
  switch (event.type) {
    case 'RoleChanged': {
      const { role, wing, unit } = event.data;
      return { ...state, role, wing, unit, accessVersion: state.accessVersion + 1 };
    }
    case 'InvitationIssued': {
      const { invitationId, codeHash, expiresAt, invitedBy } = event.data;
      return { ...state, invitation: { invitationId, codeHash, expiresAt, invitedBy } };
    }
    case 'InvitationRedeemed': {
      const { familyId, refreshHash, expiresAt, redeemedAt } = event.data;
      const invitation = state.invitation && { ...state.invitation, redeemedAt };
      const family: RefreshFamily = { generation: 0, hash: refreshHash, expiresAt, ended: false };
      return { ...state, revoked: false, invitation, families: new Map(state.families).set(familyId, family) };
    }
    case 'RefreshTokenRotated': {
      const { familyId, generation, refreshHash, expiresAt, rotatedAt } = event.data;
      const before = state.families.get(familyId);
      if (before === undefined) return state;
      const family = { ...before, generation, hash: refreshHash, previousHash: before.hash, rotatedAt, expiresAt };
      return { ...state, families: new Map(state.families).set(familyId, family) };
    }
    case 'RefreshFamilyRevoked': {
      const before = state.families.get(event.data.familyId);
      if (before === undefined) return state;
      return { ...state, families: new Map(state.families).set(event.data.familyId, { ...before, ended: true }) };
    }
    case 'AccessRevoked':
      return { ...state, revoked: true, accessVersion: state.accessVersion + 1, invitation: undefined, families: endAll(state.families) };
  }
}
