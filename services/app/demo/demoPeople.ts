import type { Actor } from '@tayari/shared/common/actor';
import { SETUP_ACTOR } from '../invite/invitePerson';
import { DEMO_WINGS, INCHARGE, OBSERVER, organiser, wingLead } from './demoActors';
import type { DemoCall } from './demoScript';

const added = (person: Actor, by: Actor): DemoCall => ({
  route: 'AddPerson',
  params: {},
  body: { id: person.sub, name: person.name, role: person.role, ...(person.wing === undefined ? {} : { wing: person.wing }) },
  actor: by,
});

/**
 * The demo's people as people of the directory: the in-charge (added by the deployment, as `npm run
 * invite` would), the observer, and each wing's lead and organiser, with the ids the demo's actors
 * and printed links use.
 */
export function demoPeopleCalls(): DemoCall[] {
  return [
    added(INCHARGE, SETUP_ACTOR),
    added(OBSERVER, INCHARGE),
    ...DEMO_WINGS.flatMap((wing) => [added(wingLead(wing), INCHARGE), added(organiser(wing), INCHARGE)]),
  ];
}
