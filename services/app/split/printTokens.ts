import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { maxTokenDaysFrom } from '../config';
import { demoTokens } from '../demoTokens';
import { requireSecret } from './requireSecret';

/**
 * Prints one demo token per role, signed with TAYARI_JWT_SECRET, for a split set-up (whose processes
 * print none): `docker compose exec api node services/app/dist/split/printTokens.js`. Asked for, on
 * stdout, never in a log. BASE_URL (default http://localhost:8080) prefixes the page links.
 */
async function main(): Promise<void> {
  const verifier = new TokenVerifier(requireSecret(process.env.TAYARI_JWT_SECRET || undefined), () => new Date(), {
    maxTokenDays: maxTokenDaysFrom(process.env.TAYARI_MAX_TOKEN_DAYS),
  });
  const base = process.env.BASE_URL ?? 'http://localhost:8080';
  for (const { person, token } of await demoTokens(verifier)) {
    console.log(`${person.role.padEnd(9)} ${person.wing ? `(${person.wing}) ` : ''}${base}/#token=${token}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
