import { getJson } from './getJson';

/** Polls GET /api/health until it answers 200; resolves with when it did (performance.now()). */
export async function waitForHealth(url: string, timeoutMs: number, everyMs = 5): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    try {
      const answer = await getJson(`${url}/api/health`, {}, 2_000);
      if (answer.status === 200) return performance.now();
      last = `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`${url}/api/health did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

/**
 * Waits until the read models reflect `position` (health's `position`), so that a phase measures the
 * live path and not a catch-up. A health answer without a position is taken as caught up.
 */
export async function waitForPosition(url: string, position: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let seen = 'none';
  while (performance.now() < deadline) {
    const answer = await getJson(`${url}/api/health`);
    const body = answer.body as { position?: unknown };
    if (answer.status === 200 && body.position === undefined) return;
    if (typeof body.position === 'string') {
      seen = body.position;
      if (Number(body.position) >= Number(position)) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the read models did not reach position ${position} within ${timeoutMs} ms (at ${seen})`);
}
