import { readFileSync } from 'node:fs';

/** One event of a Chrome trace (the fields this summary reads). */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface TraceSummary {
  /** Milliseconds of the main thread's busy time, by event name (self time, children subtracted). */
  selfMs: Array<{ name: string; ms: number }>;
  /** Scripts evaluated and resources requested, in ms from the first event on the main thread. */
  timeline: Array<{ at: number; what: string; ms: number | undefined }>;
  busyMs: number;
}

const short = (url: string | undefined) => (url ? url.replace(/^https?:\/\/[^/]+/, '').slice(0, 80) : '');

/**
 * The page's renderer main thread in a trace written by `browser.startTracing`, its self time by event name, and when each script and request started.
 */
export function traceSummary(file: string): TraceSummary {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The page's renderer is one that asked for something over http (headless Chromium also runs its own chrome:// pages).
  const renderers = new Set(mains.map((m) => m.pid));
  const pageRenderer = events.find((e) => e.name === 'ResourceSendRequest' && renderers.has(e.pid) && /^https?:/.test(e.args?.data?.url ?? ''))?.pid;
  const main = mains.find((m) => m.pid === pageRenderer);
  if (!main) throw new Error(`${file}: no renderer main thread`);
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  own.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const origin = own[0]?.ts ?? 0;
  const self = new Map<string, number>();
  const stack: Array<{ end: number; name: string }> = [];
  let busy = 0;
  for (const event of own) {
    const dur = event.dur ?? 0;
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - dur);
    else busy += dur;
    const name = event.name === 'EvaluateScript' || event.name === 'v8.compile' ? `${event.name} ${short(event.args?.data?.url)}` : event.name;
    self.set(name, (self.get(name) ?? 0) + dur);
    stack.push({ end: event.ts + dur, name });
  }
  const timeline = events
    .filter(
      (e) =>
        (e.name === 'ResourceSendRequest' && /^https?:/.test(e.args?.data?.url ?? '')) ||
        (e.pid === main.pid && e.tid === main.tid && (e.name === 'EvaluateScript' || e.name === 'ParseHTML')),
    )
    .map((e) => ({ at: (e.ts - origin) / 1000, what: `${e.name} ${short(e.args?.data?.url)}`, ms: e.dur === undefined ? undefined : e.dur / 1000 }))
    .sort((a, b) => a.at - b.at);
  const selfMs = [...self].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  return { selfMs, timeline, busyMs: busy / 1000 };
}
