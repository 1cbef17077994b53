import type { TemplateRow } from '@tayari/projections/models/templates/templatesModel';
import { dueFrom as serverDueFrom, offsetMs as serverOffsetMs } from '@tayari/shared/templates/offset';
import { plantedTaskId } from '@tayari/shared/templates/checklistDecider';
import { plannedItems } from '../../services/web/page/views/forms/plannedItems';
import { plantedTaskIds } from '../../services/web/page/views/forms/plantedTaskIds';
import type { Template } from '../../services/web/page/views/forms/TemplateCatalogue';

/** The page's own copy of a template's shape (the server's module imports zod and Node) must stay the server's. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<Template, TemplateRow> = true;

const review: Template = {
  id: 'review-meeting',
  name: { en: 'Review meeting', hi: 'समीक्षा बैठक' },
  kind: 'meeting',
  version: 2,
  items: [
    { title: 'Hall booking at the party office', wing: 'seva-dal', offset: '-P2D' },
    { title: 'Attendance sheet and seating', wing: 'it-cell', offset: '-PT3H', assignee: 'Office secretary' },
    { title: 'District-wise readiness figures for the chair', wing: 'data', offset: '-P1DT2H30M' },
  ],
};

describe('a checklist template on the page', () => {
  it('keeps its copy of the template shape the same as the server’s', () => {
    expect(sameShape).toBe(true);
  });

  it('previews the tasks applying it logs, with the due times the server counts back from the start, soonest first', () => {
    expect(plannedItems(review, '2026-11-20T05:30:00.000Z')).toEqual([
      { title: 'Hall booking at the party office', wing: 'seva-dal', dueAt: '2026-11-18T05:30:00.000Z' },
      { title: 'District-wise readiness figures for the chair', wing: 'data', dueAt: '2026-11-19T03:00:00.000Z' },
      { title: 'Attendance sheet and seating', wing: 'it-cell', assignee: 'Office secretary', dueAt: '2026-11-20T02:30:00.000Z' },
    ]);
  });

  it('previews the items without due times when there is no start to count back from (a tour with no stop yet)', () => {
    expect(plannedItems(review, undefined).map((item) => item.dueAt)).toEqual([undefined, undefined, undefined]);
  });

  it('counts offsets as the server does (one rule, shared/contract/templateOffset.ts)', () => {
    expect(serverOffsetMs('-P1DT2H30M')).toBe(-(26.5 * 3_600_000));
    expect(serverOffsetMs('-P')).toBeUndefined();
    expect(serverOffsetMs('-P400D')).toBeUndefined();
    expect(serverDueFrom('2026-11-20T05:30:00.000Z', '-PT12H')).toBe('2026-11-19T17:30:00.000Z');
  });

  it('knows the ids the server gives the tasks a template plants (to count what an application added)', async () => {
    expect(await plantedTaskIds('review-nov', undefined, 'review-meeting', 3)).toEqual(
      [0, 1, 2].map((i) => plantedTaskId('review-nov', undefined, 'review-meeting', i)),
    );
    expect(await plantedTaskIds('tour-1', 'stop-2', 'stop-kit', 1)).toEqual([plantedTaskId('tour-1', 'stop-2', 'stop-kit', 0)]);
  });
});
