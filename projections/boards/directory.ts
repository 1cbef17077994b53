import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { PersonRow } from '../models/people/peopleModel';

export interface DirectoryFilter {
  wing?: string | undefined;
  /** The unit's code and those under it. */
  units?: ReadonlySet<string> | undefined;
  /** Text in the name (any script, any case) or the phone's digits. */
  q?: string | undefined;
}

export type SignInState = 'not-invited' | 'invited' | 'invitation-expired' | 'signed-in' | 'signed-out' | 'revoked';

export interface DirectoryEntry {
  id: string;
  name: string;
  /** Only for in-charges (SPEC). */
  phone?: string;
  role: PersonRow['role'];
  wing?: string;
  unit?: string;
  signIn: SignInState;
}

export interface DirectoryPayload {
  position: Position;
  people: DirectoryEntry[];
}

/** Where a person's access stands, as an in-charge reads it in the directory. */
export function signInState(row: PersonRow, now: Date): SignInState {
  if (row.revoked) return 'revoked';
  if (row.devices.length > 0) return 'signed-in';
  const invitation = row.invitation;
  if (invitation === undefined) return 'not-invited';
  if (invitation.redeemedAt !== undefined) return 'signed-out';
  return Date.parse(invitation.expiresAt) > now.getTime() ? 'invited' : 'invitation-expired';
}

/** One person as the directory (and GET /api/me) shows them. */
export function directoryEntry(row: PersonRow, withPhone: boolean, now: Date): DirectoryEntry {
  return {
    id: row.id,
    name: row.name,
    ...(withPhone && row.phone !== undefined ? { phone: row.phone } : {}),
    role: row.role,
    ...(row.wing === undefined ? {} : { wing: row.wing }),
    ...(row.unit === undefined ? {} : { unit: row.unit }),
    signIn: signInState(row, now),
  };
}

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase();

/** The directory: people by name, narrowed by wing, unit and text; phones only when `withPhones`. */
export function directory(rows: Iterable<PersonRow>, filter: DirectoryFilter, withPhones: boolean, now: Date, position: Position): DirectoryPayload {
  const q = filter.q === undefined ? undefined : fold(filter.q.trim());
  const digits = q?.replace(/\D/g, '');
  const people: DirectoryEntry[] = [];
  for (const row of rows) {
    if (filter.wing !== undefined && row.wing !== filter.wing) continue;
    if (filter.units !== undefined && (row.unit === undefined || !filter.units.has(row.unit))) continue;
    if (q && !fold(row.name).includes(q) && !(withPhones && digits && row.phone?.includes(digits))) continue;
    people.push(directoryEntry(row, withPhones, now));
  }
  people.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { position, people };
}
