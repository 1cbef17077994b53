import { compareOrder } from '../../byOrder';
import { assigneeName } from '@tayari/shared/contract/assignee';
import { t } from '../../i18n';
import type { Card, ProgrammeBoardPayload, WingBoardPayload } from '../../types';
import type { PageContext } from '../PageContext';
import { TASK_STATUSES } from '@tayari/shared/contract/domain';
import { statusKey } from '../TaskCardView';
import type { CsvTable } from './ReportTools';

/** Cards as the board shows them: by column (status), each column in `order`. */
function inBoardOrder<C extends Card>(cards: Readonly<Record<string, C>>): C[] {
  return Object.values(cards).sort((a, b) => TASK_STATUSES.indexOf(a.status) - TASK_STATUSES.indexOf(b.status) || compareOrder(a, b));
}

const day = (now: Date) => now.toISOString().slice(0, 10);

/** The columns every card row has, in the page's language; `programme` leads on a wing's list. */
function header(ctx: PageContext, programme: boolean): string[] {
  const { lang } = ctx;
  return [
    'id',
    ...(programme ? [`${t(lang, 'tour')} / ${t(lang, 'meeting')}`] : []),
    t(lang, 'taskTitle'),
    t(lang, 'statusFacet'),
    t(lang, 'wing'),
    t(lang, 'stop'),
    t(lang, 'assignee'),
    t(lang, 'due'),
    t(lang, 'overdue'),
    t(lang, 'reason'),
  ];
}

function row(ctx: PageContext, card: Card, stopName: string, timeZone: string | undefined): string[] {
  const { lang, fmt } = ctx;
  return [
    card.id,
    card.title,
    t(lang, statusKey(card.status)),
    ctx.wings.name(card.wing, lang),
    stopName,
    assigneeName(card.assignee) ?? '',
    card.dueAt ? fmt.when(card.dueAt, ctx.now(), timeZone) : '',
    card.overdue ? t(lang, 'overdue') : '',
    card.blockedReason ?? '',
  ];
}

/** The programme board as shown (its filter applied): one row per card, in board order. */
export function programmeCsv(ctx: PageContext, data: ProgrammeBoardPayload): CsvTable {
  const p = data.programme;
  const stops = new Map(p.kind === 'tour' ? p.stops.map((s) => [s.id, s.place]) : []);
  const rows = inBoardOrder(data.cards).map((card) => row(ctx, card, card.stopId ? (stops.get(card.stopId) ?? card.stopId) : '', p.timeZone));
  return { filename: `tayari-${p.id}-${day(ctx.now())}.csv`, rows: [header(ctx, false), ...rows] };
}

/** A wing's board as shown: one row per card, with its programme, in board order. */
export function wingCsv(ctx: PageContext, data: WingBoardPayload): CsvTable {
  const rows = inBoardOrder(data.cards).map((card) => {
    const programme = data.programmes[card.programmeId];
    // The programme goes right after the id, which leads the row.
    const [, ...rest] = row(ctx, card, card.stopId ?? '', programme?.timeZone);
    return [card.id, programme?.title ?? card.programmeId, ...rest];
  });
  return { filename: `tayari-${data.wing.code}-${day(ctx.now())}.csv`, rows: [header(ctx, true), ...rows] };
}
