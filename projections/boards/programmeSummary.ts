import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { readinessOf } from './programmeIndex';
import { timeZoneOf } from './timeZone';
import { timingOf } from './timing';
import type { ProgrammeSummary } from './types';

export function programmeSummary(doc: ProgrammeDoc, now: Date): ProgrammeSummary {
  const districts: string[] = [];
  if (doc.kind === 'tour') {
    const live = doc.stops.filter((stop) => !stop.cancelled).sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
    for (const stop of live) if (districts.at(-1) !== stop.district) districts.push(stop.district);
  }
  return {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    status: doc.status,
    version: doc.version,
    ...timingOf(doc, now),
    ...(doc.kind === 'tour' ? { leader: doc.leader } : { venue: doc.venue, ...(doc.series === undefined ? {} : { series: doc.series }) }),
    ...(doc.unit === undefined ? {} : { unit: doc.unit }),
    timeZone: timeZoneOf(),
    districts,
    wings: doc.wings,
    readiness: readinessOf(doc, now),
  };
}
