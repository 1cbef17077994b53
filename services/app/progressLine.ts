import type { RebuildProgress } from '@tayari/projections/rebuild/rebuildReadModels';

/** How far along a replay is, when positions count events (the SQLite store): else undefined. */
function fractionOf(progress: RebuildProgress): { done: number; total: number } | undefined {
  const { position, head } = progress;
  if (position === undefined || head === undefined || !/^\d+$/.test(position) || !/^\d+$/.test(head)) return undefined;
  return { done: Number(position), total: Number(head) };
}

const number = (n: number) => Math.round(n).toLocaleString('en-IN');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}

/** One status line: a bar (when the total is known), events, events/s and the time left. */
export function progressLine(progress: RebuildProgress, options: { bar: boolean; width?: number }): string {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.applied / seconds : 0;
  const fraction = fractionOf(progress);
  const parts: string[] = [];
  if (fraction && fraction.total > 0) {
    const ratio = Math.min(1, fraction.done / fraction.total);
    const width = options.width ?? 30;
    const filled = Math.round(ratio * width);
    if (options.bar) parts.push(`[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`);
    parts.push(`${String(Math.floor(ratio * 100)).padStart(3)}%`);
    parts.push(`${number(fraction.done)}/${number(fraction.total)} events`);
    parts.push(`${number(rate)} events/s`);
    parts.push(`ETA ${rate > 0 ? duration((fraction.total - fraction.done) / rate) : '?'}`);
  } else {
    parts.push(`${number(progress.applied)} events`, `${number(rate)} events/s`);
  }
  return parts.join('  ');
}
