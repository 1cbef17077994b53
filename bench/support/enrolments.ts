import { demoWorker, DISTRICT_CODES } from '@tayari/app/demo/demoWorkers';

export interface BatchOutcome {
  /** From send to the whole answer (ms). */
  ms: number;
  /** Items answered 201. */
  accepted: number;
  /** Status → items, for the ones not 201. */
  refused: Record<string, number>;
  /** The highest position among the accepted items' answers. */
  position: string | undefined;
}

/** `count` enrolments from `first` on (made-up workers: "(demo)" names, +999 phones), in `unit` or spread over the districts. */
export function enrolmentItems(driveId: string, first: number, count: number, prefix: string, inUnit?: string) {
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    const unit = inUnit ?? DISTRICT_CODES[n % DISTRICT_CODES.length] ?? 'cg-raipur';
    return {
      method: 'POST' as const,
      path: `/api/drives/${driveId}/enrolments`,
      idempotencyKey: `${prefix}-${n}`,
      body: { ...demoWorker(n), unit, booth: `Booth ${(n % 250) + 1}`, consent: true },
    };
  });
}

/** One POST /api/commands/batch, answered in full. */
export async function sendBatch(baseUrl: string, token: string, commands: readonly unknown[]): Promise<BatchOutcome> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/commands/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ commands }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 && response.status !== 207) throw new Error(`batch answered ${response.status}: ${text.slice(0, 300)}`);
  const { results } = JSON.parse(text) as { results: { status: number; body: { position?: string } }[] };
  let accepted = 0;
  let position: string | undefined;
  const refused: Record<string, number> = {};
  for (const result of results) {
    if (result.status !== 201) {
      refused[result.status] = (refused[result.status] ?? 0) + 1;
      continue;
    }
    accepted += 1;
    const at = result.body.position;
    if (at !== undefined && (position === undefined || BigInt(at) > BigInt(position))) position = at;
  }
  return { ms, accepted, refused, position };
}
