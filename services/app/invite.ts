import { systemClock } from '@tayari/shared/common/clock';
import { randomIdGenerator } from '@tayari/shared/common/ids';
import { keyringFrom } from '@tayari/shared/common/Keyring';
import { loadSecret } from '@tayari/api/auth/loadSecret';
import { configFromEnv } from './config';
import { invitePerson } from './invite/invitePerson';
import { parseInviteArgs } from './invite/parseInviteArgs';
import { chooseStores, describeStore } from './split/chooseStores';
import { openEventStore } from './split/openEventStore';
import { requireSecret } from './split/requireSecret';

/**
 * `npm run invite -- --name "…" --role incharge [--phone …] [--url https://tayari.example.org]`: adds a
 * person and prints their one-time sign-in link (7 days), for the first in-charge of a fresh
 * deployment. On the embedded store it takes the data folder's lock (stop `npm start` first) and the
 * secret in the data folder; on EventStoreDB it needs TAYARI_JWT_SECRET, the API's secret.
 */
async function main(): Promise<void> {
  const args = parseInviteArgs(process.argv.slice(2));
  const config = configFromEnv(process.env);
  const choice = chooseStores(config);
  const secret = choice.events.kind === 'sqlite' ? loadSecret(process.env, config.dataDir).secret : requireSecret(config.jwtSecret);
  const origin = args.url ?? process.env.TAYARI_PUBLIC_URL?.replace(/\/+$/, '') ?? `http://localhost:${config.port}`;
  const store = await openEventStore(choice.events, { sqliteWriter: 'inline' });
  try {
    const invited = await invitePerson({ store, keys: keyringFrom(secret), clock: systemClock, ids: randomIdGenerator }, args, origin);
    console.log(`Added ${args.person.name} (${invited.personId}) to ${describeStore(choice.events)}.`);
    console.log(`Sign-in link, valid once until ${invited.expiresAt}:\n${invited.link}`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
