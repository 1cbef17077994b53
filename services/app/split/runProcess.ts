import type { Logger } from 'pino';
import { createLogger } from '../logger';
import { Closers } from './Closers';
import type { SplitRole } from './requireServers';
import { splitConfigFromEnv, type SplitConfig } from './splitConfig';

export interface ProcessContext {
  config: SplitConfig;
  logger: Logger;
  /** Steps to undo on a failed start and on shutdown, last added first. */
  closers: Closers;
}

/**
 * Runs one process of the split set-up: reads the configuration, logs JSON (pino) tagged with the
 * role, closes everything on SIGINT/SIGTERM, and turns a failed start (a store that cannot be
 * reached, a missing variable) into one fatal log line with the reason and exit code 1, so that the
 * orchestrator restarts it and shows why.
 */
export function runProcess(role: SplitRole, start: (context: ProcessContext) => Promise<{ url: string }>): void {
  let logger: Logger = createLogger().child({ process: role });
  const closers = new Closers();
  const fail = async (error: unknown, message: string) => {
    logger.fatal({ err: error }, `${message}: ${error instanceof Error ? error.message : String(error)}`);
    await closers.run().catch(() => undefined);
    process.exit(1);
  };
  process.once('unhandledRejection', (error) => void fail(error, `${role} crashed`));
  (async () => {
    const config = splitConfigFromEnv(process.env);
    logger = createLogger({ level: config.logLevel }).child({ process: role });
    const { url } = await start({ config, logger, closers });
    logger.info({ url }, `${role} is running`);
    const stop = async (signal: string) => {
      logger.info({ signal }, `${role} is closing`);
      await closers.run();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  })().catch((error: unknown) => fail(error, `${role} could not start`));
}
