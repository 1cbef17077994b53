import { h } from '../../dom';
import { assigneeName } from '@tayari/shared/contract/assignee';
import { t } from '../../i18n';
import { hrefOf } from '../../route';
import type { AttentionBoardPayload, AttentionWing, BoardFilter } from '../../types';
import type { PageContext } from '../PageContext';

type Overdue = AttentionBoardPayload['overdue'][number];
type Blocked = AttentionBoardPayload['blocked'][number];
type Unacknowledged = AttentionBoardPayload['unacknowledged'][number];

/** The names the attention lines need that the attention board does not carry. */
export interface Names {
  programme(id: string): string;
}

const wingChip = (ctx: PageContext, code: string) =>
  h('a', { className: 'chip chip-wing', href: hrefOf({ view: 'wing', code }) }, ctx.wings.name(code, ctx.lang));

/** The programme's board, narrowed to what this line is one of. */
const programmeLink = (id: string, title: string, filter: BoardFilter) =>
  h('a', { className: 'att-programme', href: hrefOf({ view: 'programme', id, cards: 'all', filter }) }, title);

/** "Buses for Jagdalpur — Bastar visit · Tribal wing · Ramesh · overdue by 2 d 3 h". */
export function overdueLine(ctx: PageContext, names: Names, item: Overdue): (Node | string)[] {
  const { lang, fmt } = ctx;
  return [
    h('p', { className: 'att-title' }, item.title),
    h(
      'p',
      { className: 'att-meta' },
      h('span', { className: 'badge badge-overdue att-age' }, t(lang, 'overdueFor', { time: fmt.duration(item.overdueMs) })),
      ' ',
      wingChip(ctx, item.wing),
      ' ',
      item.assignee
        ? h('span', { className: 'muted' }, `${t(lang, 'assignee')}: ${assigneeName(item.assignee)}`)
        : h('span', { className: 'muted' }, t(lang, 'unassigned')),
    ),
    h('p', { className: 'att-where' }, programmeLink(item.programmeId, names.programme(item.programmeId), { overdue: true })),
  ];
}

/** A blocked task: how long, and why. */
export function blockedLine(ctx: PageContext, names: Names, item: Blocked): (Node | string)[] {
  const { lang, fmt } = ctx;
  return [
    h('p', { className: 'att-title' }, item.title),
    item.blockedReason ? h('p', { className: 'card-blocked' }, t(lang, 'blockedBecause', { reason: item.blockedReason })) : '',
    h(
      'p',
      { className: 'att-meta' },
      h('span', { className: 'badge badge-muted att-age' }, t(lang, 'blockedFor', { time: fmt.duration(item.blockedMs) })),
      ' ',
      wingChip(ctx, item.wing),
    ),
    h('p', { className: 'att-where' }, programmeLink(item.programmeId, names.programme(item.programmeId), { blocked: true })),
  ];
}

/** A duty its wing has not taken up: how long it has waited. */
export function unacknowledgedLine(ctx: PageContext, names: Names, item: Unacknowledged): (Node | string)[] {
  const { lang, fmt } = ctx;
  return [
    h('p', { className: 'att-title' }, item.duty),
    h(
      'p',
      { className: 'att-meta' },
      h('span', { className: 'badge badge-muted att-age' }, t(lang, 'waitingFor', { time: fmt.duration(item.sinceMs) })),
      ' ',
      wingChip(ctx, item.wing),
    ),
    h('p', { className: 'att-where' }, programmeLink(item.programmeId, names.programme(item.programmeId), { wing: item.wing })),
  ];
}

/** A wing's line: its counts, each a link to the wing's board narrowed to what it counts. */
export function wingLine(ctx: PageContext, item: AttentionWing): (Node | string)[] {
  const { lang } = ctx;
  const to = (filter: { overdue?: true; blocked?: true }) => hrefOf({ view: 'wing', code: item.wing, filter });
  const count = (n: number, key: 'nOverdue' | 'nBlocked', href: string) =>
    n > 0 ? h('a', { className: 'att-count count-alert', href }, t(lang, key, { n })) : h('span', { className: 'att-count muted' }, t(lang, key, { n }));
  return [
    h('p', { className: 'att-title' }, h('a', { href: hrefOf({ view: 'wing', code: item.wing }) }, ctx.wings.name(item.wing, lang))),
    h(
      'p',
      { className: 'att-meta' },
      count(item.overdue, 'nOverdue', to({ overdue: true })),
      ' · ',
      count(item.blocked, 'nBlocked', to({ blocked: true })),
      ' · ',
      h(
        'span',
        { className: 'att-count' },
        `${t(lang, 'percentReady', { percent: item.percent })} (${t(lang, 'tasksDone', { done: item.done, total: item.total })})`,
      ),
    ),
  ];
}
