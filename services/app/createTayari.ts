import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '@tayari/shared/common/clock';
import { randomIdGenerator, type IdGenerator } from '@tayari/shared/common/ids';
import { keyringFrom } from '@tayari/shared/common/Keyring';
import { Application } from '@tayari/shared/application/Application';
import type { LateEventCompensator } from '@tayari/shared/compensation/LateEventCompensator';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { BoardSource } from '@tayari/projections/BoardSource';
import { ReadModels } from '@tayari/projections/ReadModels';
import { BoardChangeJournal } from '@tayari/projections/stored/BoardChangeJournal';
import type { ReadSide } from '@tayari/projections/ReadSide';
import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { loadSecret } from '@tayari/api/auth/loadSecret';
import { createHealthRouter } from '@tayari/api/reads/createHealthRouter';
import { createLiveGateway, type LiveGateway } from '@tayari/live/createLiveGateway';
import { liveOptionsFromEnv } from '@tayari/live/LiveOptions';
import type { TayariConfig } from './config';
import { loadDemo } from './demo/loadDemo';
import { DEMO_DRIVE } from './demo/demoDrive';
import { loadDemoDrive } from './demo/loadDemoDrive';
import { createLogger } from './logger';
import { Metrics } from './metrics';
import { serviceApp } from './serviceApp';
import { Closers } from './split/Closers';
import { chooseStores } from './split/chooseStores';
import { eventLag } from './split/eventLag';
import { listen } from './split/listen';
import { openEventStore } from './split/openEventStore';
import { openKeyVault } from './split/openKeyVault';
import { openReadStore } from './split/openReadStore';
import { positionsOf } from './split/positionsOf';
import { needsCompensator, startCompensator } from './split/startCompensator';

export interface TayariOptions {
  config: TayariConfig;
  clock?: Clock;
  ids?: IdGenerator;
  logger?: Logger;
  /** Live gateway options beyond those read from the environment (tests shorten timers). */
  live?: Parameters<typeof createLiveGateway>[0]['options'];
  env?: NodeJS.ProcessEnv;
  /** Run the late-event compensator. Default: only where events can land late (EventStoreDB). */
  compensateLateEvents?: boolean;
  /**
   * With the demo, also its enrolment drive (23,000 workers, loaded while the service answers).
   * Default true; tests of the page that need only the programmes leave it out (it keeps a core busy).
   */
  demoDrive?: boolean;
}

export interface Tayari {
  server: Server;
  url: string;
  store: EventStore;
  /** What the live gateway watches: board changes and board contents. */
  boards: BoardSource;
  /** The read side (positions, waitFor, payloads), for tests and benchmarks. */
  reads: ReadSide;
  live: LiveGateway;
  /** The late-event compensator, when it runs. */
  compensator: LateEventCompensator | undefined;
  verifier: TokenVerifier;
  /** The write side of this process (the API's own): commands issued here see the same stream states. */
  application: Application;
  secretGenerated: boolean;
  /** How many demo commands were loaded at start (0 when the store was not empty or the demo is off). */
  demoCommands: number;
  close(): Promise<void>;
}

/** The whole service in one process (on the embedded stores by default): what `npm start` runs and tests drive. */
export async function createTayari(options: TayariOptions): Promise<Tayari> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const closers = new Closers();
  try {
    mkdirSync(config.dataDir, { recursive: true });
    const { secret, generated } = config.jwtSecret ? { secret: config.jwtSecret, generated: false } : loadSecret({}, config.dataDir);
    const verifier = new TokenVerifier(secret, () => clock.now(), { maxTokenDays: config.maxTokenDays });

    // The embedded stores unless the environment names EventStoreDB / MongoDB (never a quiet fallback).
    const choice = chooseStores(config);
    const zeroPosition = positionsOf(choice.events.kind).zero;
    const store = await openEventStore(choice.events, { clock });
    closers.add(() => store.close());
    // Enrolment keys, apart from the events: deleting one forgets a person (crypto-shredding).
    const vault = await openKeyVault(choice.reads, config.dataDir);
    closers.add(() => vault.close());
    const demo = config.demo ? await loadDemo({ store, clock }) : { commands: 0, events: 0 };
    if (demo.commands > 0) logger.info({ commands: demo.commands, events: demo.events }, 'demo loaded into the empty store');

    // The read models have their own file: they can always be rebuilt from the events (npm run rebuild).
    const readStore = await openReadStore(choice.reads);
    closers.add(() => readStore.close());
    // With MongoDB, a live gateway in another process may follow it: write the board-change journal.
    const journal = readStore.kind === 'mongodb' ? await BoardChangeJournal.load(readStore) : undefined;
    const readModels = await ReadModels.start({ events: store, readStore, clock, zeroPosition, decorateBatch: journal?.decorate });
    closers.add(() => readModels.stop());
    const compensate = options.compensateLateEvents ?? needsCompensator(store);
    const compensator = compensate ? await startCompensator({ events: store, readStore, clock, logger }) : undefined;
    if (compensator) closers.add(() => compensator.stop());

    let live: LiveGateway | undefined;
    const metrics = new Metrics({
      projectionLag: async () => eventLag(await store.headPosition(), readModels.position()),
      live: () => live?.stats() ?? { connections: 0, messagesSent: 0 },
    });
    const application = new Application({
      vault,
      store,
      clock,
      ids: options.ids ?? randomIdGenerator,
      // The embedded store's data lock makes this process its only writer.
      exclusive: store.kind === 'sqlite',
      keys: keyringFrom(secret),
    });
    const app = serviceApp({
      application,
      store,
      clock,
      ids: options.ids ?? randomIdGenerator,
      verifier,
      keys: keyringFrom(secret),
      vault,
      readSide: readModels,
      health: createHealthRouter({ events: store, readSide: readModels, zeroPosition }),
      metrics,
      config,
      logger,
    });
    const server = createServer(app);
    live = createLiveGateway({
      server,
      boards: readModels,
      verifier,
      clock,
      people: (id) => readModels.person(id),
      options: { ...liveOptionsFromEnv(options.env ?? process.env), ...options.live },
    });
    const gateway = live;
    const listening = await listen(server, config.port, config.host).catch(async (error: unknown) => {
      await gateway.close();
      throw error;
    });
    closers.add(async () => {
      // Upgraded sockets keep the server open: the gateway closes them first.
      await gateway.close();
      await listening.close();
    });
    if (config.demo && options.demoDrive !== false) {
      // The demo's drive fills while the service already answers: its board grows live, as in a burst.
      // After a start stopped half-way, it is resumed (its ids are fixed by the plan).
      const stopDrive = new AbortController();
      const drive = loadDemoDrive({
        store,
        vault,
        keys: keyringFrom(secret),
        now: clock.now(),
        resumeOnly: demo.commands === 0,
        enrolled: async () => {
          // Caught up first (bounded: a slow read side only costs enrolments asked again, each refused as done).
          const head = await store.headPosition();
          if (head !== undefined) await readModels.waitFor(head, 5000);
          return (await readModels.driveBoard(DEMO_DRIVE))?.total ?? 0;
        },
        signal: stopDrive.signal,
      }).then(
        (enrolments) => {
          if (enrolments > 0) logger.info({ enrolments }, stopDrive.signal.aborted ? 'demo drive stopped by the close' : 'demo drive loaded');
        },
        (error: unknown) => logger.error({ err: error }, 'the demo drive could not be loaded'),
      );
      // The vault and store close after this: the drive's load settles only once no enrolment is in flight.
      closers.add(async () => {
        stopDrive.abort();
        await drive;
      });
    }

    return {
      server,
      url: listening.url,
      store,
      boards: readModels,
      reads: readModels,
      live: gateway,
      compensator,
      verifier,
      application,
      secretGenerated: generated,
      demoCommands: demo.commands,
      close: () => closers.run(),
    };
  } catch (error) {
    await closers.run();
    throw error;
  }
}
