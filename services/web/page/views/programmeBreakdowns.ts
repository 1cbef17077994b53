import { t } from '../i18n';
import { hrefOf } from '../route';
import type { ProgrammeBoardPayload } from '../types';
import type { BreakdownEntry } from './BreakdownList';
import { programmeCountLinks } from './countLinks';
import type { PageContext } from './PageContext';
import { whenLine } from './whenLine';

/** A programme's readiness by wing, each wing's counts linking to its cards on this board. */
export function wingBreakdown(ctx: PageContext, data: ProgrammeBoardPayload): BreakdownEntry[] {
  const p = data.programme;
  return Object.entries(data.readiness.byWing).map(
    ([code, counts]): BreakdownEntry => ({
      key: code,
      name: ctx.wings.name(code, ctx.lang),
      href: hrefOf({ view: 'wing', code }),
      counts,
      links: programmeCountLinks(p.id, { wing: code }),
    }),
  );
}

/** A tour's readiness by stop (the stops readiness counts), in the tour's order; none for a meeting. */
export function stopBreakdown(ctx: PageContext, data: ProgrammeBoardPayload): BreakdownEntry[] {
  const p = data.programme;
  const byStop = data.readiness.byStop ?? {};
  if (p.kind !== 'tour') return [];
  return p.stops.flatMap((stop): BreakdownEntry[] => {
    // Only the stops the readiness counts (its own keys, never the prototype's).
    const counts = Object.hasOwn(byStop, stop.id) ? byStop[stop.id] : undefined;
    if (counts === undefined) return [];
    return [
      {
        key: stop.id,
        name: stop.place,
        detail: `${stop.venue} · ${stop.district} · ${whenLine(ctx, stop.startsAt, stop.endsAt, stop.timeZone, false)}`,
        ...(stop.cancelled ? { badge: t(ctx.lang, 'cancelled') } : {}),
        counts,
        links: programmeCountLinks(p.id, { stop: stop.id }),
      },
    ];
  });
}
