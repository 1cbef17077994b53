import { configFromEnv } from './config';
import { createTayari } from './createTayari';
import { demoTokens } from './demoTokens';

/** `npm start`: the whole service in one process on the embedded store. */
async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  const tayari = await createTayari({ config });
  console.log(`Tayari is listening on ${tayari.url} (data in ${config.dataDir})`);
  if (tayari.secretGenerated) {
    console.log('No TAYARI_JWT_SECRET: a secret was made in the data folder. Open the page as:');
    for (const { person, token } of await demoTokens(tayari.verifier)) {
      console.log(`  ${person.role.padEnd(9)} ${person.wing ? `(${person.wing}) ` : ''}${tayari.url}/#token=${token}`);
    }
  }
  const stop = async (signal: string) => {
    console.log(`${signal}: closing`);
    await tayari.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
