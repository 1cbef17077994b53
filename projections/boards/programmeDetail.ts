import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { toStop } from './items';
import { timeZoneOf } from './timeZone';
import type { Position, ProgrammeDetail, ProgrammeDetailPayload } from './types';

/** The tour (with its stops, by start time) or the meeting, as stored. */
export function detailOf(doc: ProgrammeDoc): ProgrammeDetail {
  const base = {
    id: doc.id,
    version: doc.version,
    title: doc.title,
    status: doc.status,
    ...(doc.cancelReason === undefined ? {} : { cancelReason: doc.cancelReason }),
    timeZone: timeZoneOf(),
    ...(doc.unit === undefined ? {} : { unit: doc.unit }),
  };
  if (doc.kind === 'tour') {
    const stops = [...doc.stops].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : 1));
    return {
      ...base,
      kind: 'tour',
      leader: doc.leader,
      ...(doc.region === undefined ? {} : { region: doc.region }),
      ...(doc.notes === undefined ? {} : { notes: doc.notes }),
      stops: stops.map(toStop),
    };
  }
  return {
    ...base,
    kind: 'meeting',
    venue: doc.venue,
    startsAt: doc.startsAt,
    ...(doc.endsAt === undefined ? {} : { endsAt: doc.endsAt }),
    chairs: doc.chairs,
    agenda: doc.agenda,
    ...(doc.series === undefined ? {} : { series: doc.series }),
    ...(doc.minutes === undefined ? {} : { minutes: doc.minutes }),
  };
}

/** GET /api/programmes/{id} */
export function programmeDetail(doc: ProgrammeDoc, position: Position): ProgrammeDetailPayload {
  return { position, ...detailOf(doc) };
}
