import { withTimeout } from './withTimeout';

export type ProbeResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Runs one health question against a store, within `timeoutMs`; never throws. */
export async function probe<T>(operation: () => Promise<T>, timeoutMs: number, what: string): Promise<ProbeResult<T>> {
  try {
    return { ok: true, value: await withTimeout(operation(), timeoutMs, what) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
