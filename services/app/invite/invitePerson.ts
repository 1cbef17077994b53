import { Application } from '@tayari/shared/application/Application';
import type { Actor } from '@tayari/shared/common/actor';
import type { Clock } from '@tayari/shared/common/clock';
import type { IdGenerator } from '@tayari/shared/common/ids';
import type { Keyring } from '@tayari/shared/common/Keyring';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { InviteArgs } from './parseInviteArgs';

/** Who the events of `npm run invite` name: the deployment itself, before any in-charge exists. */
export const SETUP_ACTOR: Actor = { sub: 'tayari-setup', name: 'Tayari setup', role: 'incharge' };

export interface Invited {
  personId: string;
  link: string;
  expiresAt: string;
}

/**
 * Adds the person and issues their invitation through the application, as an in-charge would over
 * HTTP (same rules, same events), on whichever event store the deployment uses.
 */
export async function invitePerson(
  deps: { store: EventStore; keys: Keyring; clock: Clock; ids: IdGenerator },
  args: InviteArgs,
  origin: string,
): Promise<Invited> {
  const app = new Application({ store: deps.store, clock: deps.clock, ids: deps.ids, keys: deps.keys });
  const options = { actor: SETUP_ACTOR, correlationId: `invite-${deps.ids()}`, origin };
  const added = await app.handle({ name: 'AddPerson', params: {}, body: args.person }, options);
  const personId = added.answer.id;
  const invited = await app.handle({ name: 'IssueInvitation', params: { personId }, body: {} }, options);
  const { link, expiresAt } = invited.revealed ?? {};
  if (typeof link !== 'string' || typeof expiresAt !== 'string') throw new Error('the invitation answered no link');
  return { personId, link, expiresAt };
}
