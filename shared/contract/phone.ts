/**
 * A phone number normalised to E.164 (`+919812345678`). Indian numbers may be written as people
 * write them (`98123 45678`, `098123-45678`, `+91 98123 45678`); other countries need their `+code`.
 * Normalised once, so that one number written two ways is one number (duplicate checks, directory).
 * Node-free and zod-free: the page checks a number with the very rule the server applies.
 */
export function normalisePhone(written: string): string | undefined {
  const compact = written.replace(/[\s().-]/g, '');
  if (/^\+[1-9]\d{7,14}$/.test(compact)) return compact.startsWith('+91') && !/^\+91[6-9]\d{9}$/.test(compact) ? undefined : compact;
  const national = compact.replace(/^0/, '');
  if (/^[6-9]\d{9}$/.test(national)) return `+91${national}`;
  return undefined;
}
