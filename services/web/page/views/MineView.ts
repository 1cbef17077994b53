import { compareOrder } from '../byOrder';
import { h, Keyed, setText, syncChildren } from '../dom';
import { t } from '../i18n';
import type { Card } from '../types';
import { keepFocus } from './keepFocus';
import type { PageContext, View } from './PageContext';
import { MINE_BOARD } from './routeBoards';
import { TaskCardView } from './TaskCardView';

/** One of the person's tasks on the `mine` board (SPEC v2 "people and access"): a card, and its programme. */
export type MineTask = Card & { programmeId: string; programmeTitle: string; timeZone?: string };

/** `GET /api/boards/mine` and the live board `mine`; the tasks may come as a list or keyed by id. */
export interface MinePayload {
  position: string;
  tasks: MineTask[] | Record<string, MineTask>;
}

/** Overdue first, then the soonest due (none last), then the board's own order; done ones last. */
function urgentFirst(a: MineTask, b: MineTask): number {
  if ((a.status === 'done') !== (b.status === 'done')) return a.status === 'done' ? 1 : -1;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const due = (task: MineTask) => (task.dueAt ? Date.parse(task.dueAt) : Number.POSITIVE_INFINITY);
  return due(a) - due(b) || compareOrder(a, b);
}

/**
 * "My tasks": the tasks given to the person, across programmes, overdue first (done ones last), each with the
 * usual card actions (the landing view of an organiser). Shown only where the server has the board:
 * without it (404) the page goes on to the readiness view.
 */
export class MineView implements View {
  readonly el: HTMLElement;
  readonly heading: HTMLElement;
  readonly boards = [MINE_BOARD];
  private readonly list = h('div', { className: 'cards cards-grid mine-cards' });
  private readonly status = h('p', { className: 'notice', role: 'status' });
  private readonly cards: Keyed<MineTask, TaskCardView>;
  private left = false;

  constructor(private readonly ctx: PageContext) {
    const { lang } = ctx;
    this.heading = h('h2', { className: 'view-title', tabindex: -1 }, t(lang, 'mineTitle'));
    this.cards = new Keyed(
      (task: MineTask) => task.id,
      (task) => new TaskCardView(ctx, MINE_BOARD, task),
    );
    this.el = h(
      'section',
      { className: 'view view-mine' },
      h('header', { className: 'view-head' }, this.heading, h('p', { className: 'muted' }, t(lang, 'mineIntro'))),
      this.status,
      this.list,
    );
  }

  render(): void {
    const { lang } = this.ctx;
    document.title = `${t(lang, 'mineTitle')} · ${t(lang, 'appName')}`;
    const data = this.ctx.store.get(MINE_BOARD)?.data as MinePayload | undefined;
    const load = this.ctx.loadState(MINE_BOARD);
    if (!data) {
      if (load === 'missing' && !this.left) {
        this.left = true;
        // Not asked for in a render: the view is replaced after this one has drawn.
        setTimeout(() => this.ctx.replaceRoute({ view: 'readiness' }));
      }
      setText(this.status, load === 'error' ? t(lang, 'loadFailed') : t(lang, 'loading'));
      return;
    }
    const tasks = (Array.isArray(data.tasks) ? data.tasks : Object.values(data.tasks)).sort(urgentFirst);
    setText(this.status, tasks.every((task) => task.status === 'done') ? t(lang, 'mineNone') : '');
    keepFocus(this.el, () => {
      const views = this.cards.take(tasks);
      for (const [task, view] of views) {
        const programme = { id: task.programmeId, title: task.programmeTitle };
        view.update(task, { programme, showStatus: true, ...(task.timeZone === undefined ? {} : { timeZone: task.timeZone }) });
      }
      syncChildren(
        this.list,
        views.map(([, view]) => view.el),
      );
    });
  }
}
