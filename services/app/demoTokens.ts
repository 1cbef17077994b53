import type { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import type { TokenPerson } from '@tayari/api/auth/TokenClaims';

/** One ready-made person per role, for the embedded demo (people by role, not real names). */
export const DEMO_PEOPLE: TokenPerson[] = [
  { sub: 'demo-incharge', name: 'State in-charge (प्रभारी)', role: 'incharge' },
  { sub: 'demo-adivasi-lead', name: 'Tribal wing lead', role: 'wing-lead', wing: 'adivasi' },
  { sub: 'demo-adivasi-organiser', name: 'Bastar organiser', role: 'organiser', wing: 'adivasi' },
  { sub: 'demo-observer', name: 'Observer', role: 'observer' },
];

const THIRTY_DAYS = 30 * 24 * 60 * 60;

/** Demo tokens last 30 days, or less when TAYARI_MAX_TOKEN_DAYS allows less (else they would be refused). */
export async function demoTokens(verifier: Pick<TokenVerifier, 'issue' | 'maxTtlSeconds'>): Promise<{ person: TokenPerson; token: string }[]> {
  const ttl = Math.min(THIRTY_DAYS, verifier.maxTtlSeconds);
  return Promise.all(DEMO_PEOPLE.map(async (person) => ({ person, token: await verifier.issue(person, ttl) })));
}
