import type { BenchSizes } from './BenchSizes';
import type { BenchTokens } from './support/benchTokens';

/** What every phase gets from the harness. */
export interface BenchContext {
  quick: boolean;
  sizes: BenchSizes;
  /** The JWT secret every service the bench starts uses. */
  secret: string;
  tokens: BenchTokens;
  /** Where CPU profiles of the service go (--profile), else undefined. */
  profileDir: string | undefined;
  /** One line on stderr about what is happening now. */
  progress(message: string): void;
  /** Details the final table prints under the figures (errors, counts, profile summaries). */
  note(message: string): void;
}
