import { request } from 'node:http';
import { nth } from '@tayari/shared/testing/nth';

/** An HTTP answer as read off the wire. */
export interface WireAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One POST of a JSON body on a connection of its own (no keep-alive, so that a cut connection
 * concerns one attempt only). Rejects on any network failure, a truncated answer or a timeout:
 * whatever does not give a whole HTTP answer.
 */
export function postOnce(baseUrl: string, path: string, body: unknown, headers: Record<string, string>, timeoutMs = 5000): Promise<WireAnswer> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': String(payload.length), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('close', () => {
          if (!res.complete) reject(new Error('the answer was cut short'));
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Quantile (0–1) of numbers, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return nth(sorted, Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1)));
}
