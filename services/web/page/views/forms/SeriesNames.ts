import type { ProgrammeListPayload } from '../../types';
import type { PageContext } from '../PageContext';
import { Suggestions } from './Suggestions';

/** The series of the meetings listed, once each. */
export function seriesOf(list: ProgrammeListPayload): string[] {
  const names = list.programmes.flatMap((p) => (p.series === undefined ? [] : [p.series]));
  return [...new Set(names)].sort();
}

/**
 * The series names seen among the meetings, as suggestions for the series box of "Schedule a
 * meeting", read from `GET /api/programmes?kind=meeting` (each meeting's summary names its series).
 */
export class SeriesNames extends Suggestions<ProgrammeListPayload> {
  constructor(ctx: PageContext) {
    super(ctx, 'series-names', '/api/programmes?kind=meeting');
  }

  protected take(list: ProgrammeListPayload): readonly string[] {
    return seriesOf(list);
  }
}

/**
 * A series id from what was typed: lower case, spaces become dashes ("Monthly Review" →
 * "monthly-review"), since ids are case-sensitive and one series typed two ways must stay one; the API checks the rest.
 */
export const seriesId = (typed: string): string => typed.trim().toLowerCase().replace(/\s+/g, '-');
