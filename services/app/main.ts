import { configFromEnv } from './config';
import { createTayari } from './createTayari';
import { demoLinks } from './demoLinks';

/** `npm start`: the whole service in one process on the embedded store. */
async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  const tayari = await createTayari({ config });
  console.log(`Tayari is listening on ${tayari.url} (data in ${config.dataDir})`);
  if (tayari.secretGenerated) {
    console.log('No TAYARI_JWT_SECRET: a secret was made in the data folder. Open the page as (each link works once):');
    for (const line of await demoLinks(tayari)) console.log(`  ${line}`);
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
