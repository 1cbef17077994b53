import { deciderSpec } from '../common/deciderSpec';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { DEFAULT_UNITS } from '../units/catalogue';
import { DEFAULT_WINGS } from '../wings/catalogue';
import type { PersonCommand } from './commands';
import { secretHash } from './credentials';
import { personDecider, type PersonContext } from './decider';
import { PersonEventSchema, type PersonEvent } from './events';
import { refreshVerdict } from './refreshVerdict';
import { fold } from '../common/decider';

const context: PersonContext = {
  wings: new Map(DEFAULT_WINGS.map((wing) => [wing.code, wing])),
  units: new Map(DEFAULT_UNITS.map((unit) => [unit.code, unit])),
};
const spec = deciderSpec(personDecider, { context, events: PersonEventSchema });

const P = 'sunita';
const hash = (text: string) => secretHash(text);
const added: PersonEvent = { type: 'PersonAdded', data: { personId: P, name: 'सुनीता', phone: '+919812345678', role: 'organiser', wing: 'adivasi' } };
const invited: PersonEvent = {
  type: 'InvitationIssued',
  data: { personId: P, invitationId: 'inv1', codeHash: hash('code1'), expiresAt: '2018-06-27T00:00:00.000Z', invitedBy: 'Ravi' },
};
const redeemed: PersonEvent = {
  type: 'InvitationRedeemed',
  data: {
    personId: P,
    invitationId: 'inv1',
    familyId: 'f1',
    refreshHash: hash('r0'),
    expiresAt: '2018-07-20T00:00:00.000Z',
    redeemedAt: '2018-06-20T10:00:00.000Z',
  },
};
const rotated: PersonEvent = {
  type: 'RefreshTokenRotated',
  data: { personId: P, familyId: 'f1', generation: 1, refreshHash: hash('r1'), expiresAt: '2018-07-21T00:00:00.000Z', rotatedAt: '2018-06-21T10:00:00.000Z' },
};
const redeem = (code: string, at = '2018-06-20T10:00:00.000Z'): PersonCommand => ({
  type: 'RedeemInvitation',
  personId: P,
  codeHash: hash(code),
  familyId: 'f1',
  refreshHash: hash('r0'),
  at,
  expiresAt: '2018-07-20T00:00:00.000Z',
});
const rotate = (presented: string, at: string): PersonCommand => ({
  type: 'RotateRefreshToken',
  personId: P,
  familyId: 'f1',
  presentedHash: hash(presented),
  nextHash: hash('r2'),
  at,
  expiresAt: '2018-07-22T00:00:00.000Z',
});

describe('AddPerson and ChangeRole', () => {
  it('adds a person with a role held for a known wing and unit', () => {
    spec.given([]).when({ type: 'AddPerson', personId: P, name: 'सुनीता', phone: '+919812345678', role: 'organiser', wing: 'adivasi' }).then([added]);
    const lead = { type: 'AddPerson' as const, personId: 'l', name: 'L', role: 'wing-lead' as const, wing: 'adivasi', unit: 'cg-bastar' };
    spec
      .given([])
      .when(lead)
      .then([{ type: 'PersonAdded', data: { personId: 'l', name: 'L', role: 'wing-lead', wing: 'adivasi', unit: 'cg-bastar' } }]);
  });

  it('refuses an id taken, an unknown wing or unit', () => {
    spec.given([added]).when({ type: 'AddPerson', personId: P, name: 'X', role: 'observer' }).thenThrows(RuleViolation, 'person-id-taken');
    spec.given([]).when({ type: 'AddPerson', personId: P, name: 'X', role: 'organiser', wing: 'nope' }).thenThrows(InvalidCommand, 'unknown-wing');
    spec.given([]).when({ type: 'AddPerson', personId: P, name: 'X', role: 'observer', unit: 'nowhere' }).thenThrows(InvalidCommand, 'unknown-unit');
  });

  it('changes a role (raising the access version); the same role again changes nothing', () => {
    spec
      .given([added])
      .when({ type: 'ChangeRole', personId: P, role: 'wing-lead', wing: 'adivasi' })
      .then([{ type: 'RoleChanged', data: { personId: P, role: 'wing-lead', wing: 'adivasi' } }]);
    spec.given([added]).when({ type: 'ChangeRole', personId: P, role: 'organiser', wing: 'adivasi' }).then([]);
    spec.given([]).when({ type: 'ChangeRole', personId: P, role: 'observer' }).thenThrows(NotFound, 'person-not-found');
    const state = fold(personDecider, [added, { type: 'RoleChanged', data: { personId: P, role: 'observer' } }]);
    expect(state).toMatchObject({ role: 'observer', wing: undefined, accessVersion: 2 });
  });
});

describe('invitations', () => {
  it('issues one to an existing person; a new one replaces it', () => {
    spec
      .given([added])
      .when({ type: 'IssueInvitation', ...invited.data })
      .then([invited]);
    spec
      .given([])
      .when({ type: 'IssueInvitation', ...invited.data })
      .thenThrows(NotFound, 'person-not-found');
    const second: PersonEvent = { type: 'InvitationIssued', data: { ...invited.data, invitationId: 'inv2', codeHash: hash('code2') } };
    spec.given([added, invited, second]).when(redeem('code1')).thenThrows(InvalidCommand, 'invitation-unknown');
    spec
      .given([added, invited, second])
      .when(redeem('code2'))
      .then([{ ...redeemed, data: { ...redeemed.data, invitationId: 'inv2' } }]);
  });

  it('is redeemed once, before it expires, with its own code', () => {
    spec.given([added, invited]).when(redeem('code1')).then([redeemed]);
    spec.given([added, invited]).when(redeem('wrong')).thenThrows(InvalidCommand, 'invitation-unknown');
    spec.given([added]).when(redeem('code1')).thenThrows(InvalidCommand, 'invitation-unknown');
    const used = spec.given([added, invited, redeemed]).when(redeem('code1')).thenThrows(RuleViolation, 'invitation-used');
    expect(used.message).toContain('Ravi');
    spec.given([added, invited]).when(redeem('code1', '2018-06-27T00:00:00.000Z')).thenThrows(RuleViolation, 'invitation-expired');
  });
});

describe('refresh tokens', () => {
  it('rotates the current token; the one before answers again only within the grace after a rotation', () => {
    spec
      .given([added, invited, redeemed])
      .when(rotate('r0', '2018-06-21T10:00:00.000Z'))
      .then([{ ...rotated, data: { ...rotated.data, refreshHash: hash('r2'), expiresAt: '2018-07-22T00:00:00.000Z' } }]);
    spec.given([added, invited, redeemed, rotated]).when(rotate('r0', '2018-06-21T10:01:59.000Z')).then([]);
  });

  it('ends the whole family when an older token comes back (reuse), and then refuses the current one', () => {
    const reuse: PersonEvent = { type: 'RefreshFamilyRevoked', data: { personId: P, familyId: 'f1', reason: 'reuse' } };
    spec.given([added, invited, redeemed, rotated]).when(rotate('r0', '2018-06-21T10:02:01.000Z')).then([reuse]);
    spec.given([added, invited, redeemed, rotated]).when(rotate('forged', '2018-06-21T10:00:01.000Z')).then([reuse]);
    spec.given([added, invited, redeemed, rotated, reuse]).when(rotate('r1', '2018-06-21T10:03:00.000Z')).thenThrows(InvalidCommand, 'refresh-ended');
  });

  it('refuses an expired family and one of a revoked person', () => {
    spec.given([added, invited, redeemed]).when(rotate('r0', '2018-07-20T00:00:00.000Z')).thenThrows(InvalidCommand, 'refresh-expired');
    const revoked: PersonEvent = { type: 'AccessRevoked', data: { personId: P, reason: 'left the party' } };
    spec.given([added, invited, redeemed, revoked]).when(rotate('r0', '2018-06-21T10:00:00.000Z')).thenThrows(InvalidCommand, 'refresh-ended');
    expect(refreshVerdict(undefined, 'f1', hash('r0'), '2018-06-21T10:00:00.000Z')).toBe('unknown');
  });

  it('signs a device out with its current token only', () => {
    const out: PersonEvent = { type: 'RefreshFamilyRevoked', data: { personId: P, familyId: 'f1', reason: 'sign-out' } };
    spec
      .given([added, invited, redeemed])
      .when({ type: 'EndRefreshFamily', personId: P, familyId: 'f1', presentedHash: hash('r0') })
      .then([out]);
    spec
      .given([added, invited, redeemed])
      .when({ type: 'EndRefreshFamily', personId: P, familyId: 'f1', presentedHash: hash('x') })
      .then([]);
  });
});

describe('RevokeAccess', () => {
  it('revokes once: the access version rises, the invitation and every family end; a new invitation lets the person back', () => {
    const revoked: PersonEvent = { type: 'AccessRevoked', data: { personId: P, reason: 'left the party' } };
    spec.given([added, invited, redeemed]).when({ type: 'RevokeAccess', personId: P, reason: 'left the party' }).then([revoked]);
    spec.given([added, revoked]).when({ type: 'RevokeAccess', personId: P, reason: 'again' }).then([]);
    const state = fold(personDecider, [added, invited, redeemed, revoked]);
    expect(state).toMatchObject({ revoked: true, accessVersion: 2, invitation: undefined });
    expect(state?.families.get('f1')?.ended).toBe(true);
    spec.given([added, invited, redeemed, revoked, invited]).when(redeem('code1')).then([redeemed]);
    expect(fold(personDecider, [added, revoked, invited, redeemed])).toMatchObject({ revoked: false, accessVersion: 2 });
  });
});
