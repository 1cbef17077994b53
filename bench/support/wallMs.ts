/** Milliseconds on a clock that every process on this machine shares (sub-millisecond resolution). */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}
