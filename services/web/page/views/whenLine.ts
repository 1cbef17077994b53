import type { PageContext } from './PageContext';

/**
 * "Tue, 26 Jun, 11:00 am – 2:00 pm IST · starts in 2 d 5 h" (the countdown optional), in the
 * programme's or stop's `timeZone`. Empty without a start (a tour with no live stop).
 */
export function whenLine(ctx: PageContext, startsAt: string | undefined, endsAt: string | undefined, timeZone: string | undefined, countdown = true): string {
  if (!startsAt) return '';
  const now = ctx.now();
  const range = ctx.fmt.range(startsAt, endsAt, now, timeZone);
  const left = countdown ? ctx.fmt.timeLeft(startsAt, now, endsAt) : '';
  return left ? `${range} · ${left}` : range;
}
