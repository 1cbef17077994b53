/** SPEC v2: programmes and stops answer `timeZone`; the default is India's, or `TAYARI_TIME_ZONE`. */
export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

let configured: string | undefined;

/** Whether `name` is an IANA zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone programme times are shown in. Read once from `TAYARI_TIME_ZONE`; an unknown zone there is
 * a configuration error, said at the first read rather than shown as wrong times.
 */
export function timeZoneOf(): string {
  if (configured === undefined) {
    const fromEnv = process.env.TAYARI_TIME_ZONE;
    if (fromEnv !== undefined && fromEnv !== '' && !isTimeZone(fromEnv)) throw new Error(`TAYARI_TIME_ZONE is not a time zone: ${fromEnv}`);
    configured = fromEnv || DEFAULT_TIME_ZONE;
  }
  return configured;
}
