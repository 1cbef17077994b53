/** KurrentDB's schemes; client 6.x parses only `esdb://` and `esdb+discover://`. */
const KURRENT_SCHEME = /^\s*(kurrentdb|kurrent|kdb)(\+discover)?:\/\//i;

/**
 * A connection string the installed client accepts: `kurrentdb://…` (and `kurrent://`, `kdb://`,
 * each optionally `+discover`) is rewritten to the equivalent `esdb://…`; the rest is left as is.
 */
export function esdbConnectionString(connectionString: string): string {
  return connectionString.replace(KURRENT_SCHEME, (_match, _scheme: string, discover: string | undefined) => (discover ? 'esdb+discover://' : 'esdb://'));
}
