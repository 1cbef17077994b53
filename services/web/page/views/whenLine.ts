import type { PageContext } from './PageContext';

/** "Tue, 26 Jun, 11:00 am – 2:00 pm · starts in 2 d 5 h" (the countdown optional). */
export function whenLine(ctx: PageContext, startsAt: string | null, endsAt: string | null, countdown = true): string {
  if (!startsAt) return '';
  const now = ctx.now();
  const range = ctx.fmt.range(startsAt, endsAt, now);
  const left = countdown ? ctx.fmt.timeLeft(startsAt, now) : '';
  return left ? `${range} · ${left}` : range;
}
