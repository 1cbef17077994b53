import { h } from '../../dom';
import { nextId } from '../../nextId';
import type { ProgrammeListPayload } from '../../types';
import type { PageContext } from '../PageContext';

/** The series of the meetings listed, once each. */
export function seriesOf(list: ProgrammeListPayload): string[] {
  const names = list.programmes.flatMap((p) => (p.series === undefined ? [] : [p.series]));
  return [...new Set(names)].sort();
}

/**
 * The series names seen among the meetings, as suggestions for the series box of "Schedule a
 * meeting" (a `<datalist>`), read once when the box is first used from `GET /api/programmes?kind=meeting`
 * (each meeting's summary names its series).
 */
export class SeriesNames {
  readonly list = h('datalist', { id: nextId('series-names') });
  private asked = false;

  constructor(private readonly ctx: PageContext) {}

  load(): void {
    if (this.asked) return;
    this.asked = true;
    void this.ctx.api
      .get<ProgrammeListPayload>('/api/programmes?kind=meeting')
      .then((list) => this.list.replaceChildren(...seriesOf(list).map((name) => h('option', { value: name }))))
      .catch(() => {
        this.asked = false;
      });
  }
}

/**
 * A series id from what was typed: lower case, spaces become dashes ("Monthly Review" →
 * "monthly-review"), since ids are case-sensitive and one series typed two ways must stay one; the API checks the rest.
 */
export const seriesId = (typed: string): string => typed.trim().toLowerCase().replace(/\s+/g, '-');
