import type { StoredEventOf } from '../../registry/eventTypesOf';
import type { PersonEventSchema } from '@tayari/shared/people/events';
import type { PersonRow } from './peopleModel';

type PersonStored = StoredEventOf<typeof PersonEventSchema>;

/** The directory row after one event of the person's stream (pure; undefined for events before PersonAdded). */
export function evolvePersonRow(row: PersonRow | undefined, event: PersonStored): PersonRow | undefined {
  const version = event.version;
  if (event.type === 'PersonAdded') {
    const { personId, ...person } = event.data;
    return { id: personId, ...person, accessVersion: 1, revoked: false, devices: [], addedAt: event.metadata.at, version };
  }
  if (row === undefined) return undefined;
  switch (event.type) {
    case 'RoleChanged': {
      const { role, wing, unit } = event.data;
      const { wing: _w, unit: _u, ...rest } = row;
      return { ...rest, role, ...(wing === undefined ? {} : { wing }), ...(unit === undefined ? {} : { unit }), accessVersion: row.accessVersion + 1, version };
    }
    case 'InvitationIssued':
      return { ...row, invitation: { expiresAt: event.data.expiresAt }, version };
    case 'InvitationRedeemed': {
      const invitation = row.invitation && { ...row.invitation, redeemedAt: event.data.redeemedAt };
      return { ...row, revoked: false, ...(invitation ? { invitation } : {}), devices: [...row.devices, event.data.familyId], version };
    }
    case 'RefreshTokenRotated':
      return { ...row, version };
    case 'RefreshFamilyRevoked':
      return { ...row, devices: row.devices.filter((id) => id !== event.data.familyId), version };
    case 'AccessRevoked': {
      const { invitation: _i, ...rest } = row;
      return { ...rest, revoked: true, accessVersion: row.accessVersion + 1, devices: [], version };
    }
  }
}
