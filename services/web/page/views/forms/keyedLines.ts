/** A line and its key: its text and which occurrence of that text it is. */
export interface KeyedLine {
  line: string;
  key: string;
}

/**
 * Keys the lines by text and occurrence (`a`, `b`, `a` → `1:a`, `1:b`, `2:a`), so that a row kept per
 * key (dom.ts `Keyed`) stays with its line when lines above it are added or removed.
 */
export function keyedLines(lines: readonly string[]): KeyedLine[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const n = (seen.get(line) ?? 0) + 1;
    seen.set(line, n);
    return { line, key: `${n}:${line}` };
  });
}
