import type { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import type { TokenClaims } from '@tayari/api/auth/TokenClaims';

/** One ready-made person per role, for the embedded demo (people by role, not real names). */
export const DEMO_PEOPLE: Omit<TokenClaims, 'exp'>[] = [
  { sub: 'demo-incharge', name: 'State in-charge (प्रभारी)', role: 'incharge' },
  { sub: 'demo-adivasi-lead', name: 'Tribal wing lead', role: 'wing-lead', wing: 'adivasi' },
  { sub: 'demo-adivasi-organiser', name: 'Bastar organiser', role: 'organiser', wing: 'adivasi' },
  { sub: 'demo-observer', name: 'Observer', role: 'observer' },
];

const THIRTY_DAYS = 30 * 24 * 60 * 60;

export async function demoTokens(verifier: TokenVerifier): Promise<{ person: Omit<TokenClaims, 'exp'>; token: string }[]> {
  return Promise.all(DEMO_PEOPLE.map(async (person) => ({ person, token: await verifier.issue(person, THIRTY_DAYS) })));
}
