import type { TokenPerson } from '@tayari/api/auth/TokenClaims';
import { INCHARGE } from './demo/demoActors';
import { DEMO_PEOPLE, demoTokens } from './demoTokens';
import type { Tayari } from './createTayari';

const label = (person: TokenPerson) => `${person.role.padEnd(9)} ${person.wing ? `(${person.wing}) ` : ''}`;

/**
 * The links `npm start` prints for the embedded demo, one per role: a one-time invitation of each demo
 * person (as a real deployment signs people in; a new start makes new ones and voids the old), or,
 * when the store holds no demo people (TAYARI_DEMO=0), ready-made tokens as before.
 */
export async function demoLinks(tayari: Tayari): Promise<string[]> {
  const head = await tayari.store.headPosition();
  if (head !== undefined) await tayari.reads.waitFor(head, 10_000);
  const known = DEMO_PEOPLE.filter((person) => tayari.reads.person(person.sub) !== undefined);
  if (known.length === 0) {
    return (await demoTokens(tayari.verifier)).map(({ person, token }) => `${label(person)}${tayari.url}/#token=${token}`);
  }
  const lines: string[] = [];
  for (const person of known) {
    const invited = await tayari.application.handle(
      { name: 'IssueInvitation', params: { personId: person.sub }, body: {} },
      { actor: INCHARGE, correlationId: 'demo-links', origin: tayari.url },
    );
    lines.push(`${label(person)}${String(invited.revealed?.link)}`);
  }
  return lines;
}
