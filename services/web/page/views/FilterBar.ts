import { filterQuery, type BoardFilter } from '@tayari/shared/contract/boardKey';
import { h, setText } from '../dom';
import { t } from '../i18n';
import type { TaskStatus } from '../types';
import type { PageContext } from './PageContext';
import { TASK_STATUSES } from '@tayari/shared/contract/domain';
import { statusKey } from './TaskCardView';

/** What a board lets one narrow it by, besides status, person, text, overdue and blocked. */
export interface FilterChoices {
  /** Offer a wing chooser (not on a wing's own board, nor for someone shown only their wing's cards). */
  wings: boolean;
  /** Offer a stop chooser (a tour's board); its stops come with the board (update). */
  stops: boolean;
}

export interface StopChoice {
  id: string;
  name: string;
}

let serial = 0;

/**
 * Filter and search for a board (SPEC v2 board filters): text in any script, status, wing, stop,
 * person, overdue and blocked. Choosing applies at once (selects and ticks) or on Enter (text), and
 * goes into the address through `apply`, so the view is rebuilt on the narrowed board. Every control
 * has a `data-focus-key`, so the focus stays put across that rebuild.
 */
export class FilterBar {
  readonly el: HTMLElement;
  private readonly matches = h('p', { className: 'filter-matches', role: 'status' });
  private readonly people = h('datalist', {});
  private readonly wing: HTMLSelectElement | undefined;
  private readonly stop: HTMLSelectElement | undefined;
  private readonly stopField: HTMLElement | undefined;
  private filled = '';

  constructor(
    private readonly ctx: PageContext,
    private readonly filter: BoardFilter,
    choices: FilterChoices,
    apply: (filter: BoardFilter | undefined) => void,
  ) {
    const { lang } = ctx;
    const id = `filter-${++serial}`;
    const q = h('input', {
      type: 'search',
      name: 'q',
      id: `${id}-q`,
      value: filter.q ?? '',
      'data-focus-key': 'filter-q',
      autocomplete: 'off',
      maxlength: 200,
    });
    const assignee = h('input', {
      type: 'text',
      name: 'assignee',
      id: `${id}-assignee`,
      value: filter.assignee ?? '',
      list: `${id}-people`,
      'data-focus-key': 'filter-assignee',
      autocomplete: 'off',
    });
    this.people.id = `${id}-people`;
    const tick = (name: string, label: string, checked: boolean) =>
      h('label', { className: 'tick' }, h('input', { type: 'checkbox', name, checked, 'data-focus-key': `filter-${name}` }), ' ', label);
    const statuses = h(
      'fieldset',
      { className: 'filter-statuses' },
      h('legend', {}, t(lang, 'statusFacet')),
      ...TASK_STATUSES.map((s) => tick(`status-${s}`, t(lang, statusKey(s)), filter.status?.includes(s) ?? false)),
    );
    const wing = (this.wing = choices.wings ? h('select', { id: `${id}-wing`, name: 'wing', 'data-focus-key': 'filter-wing' }) : undefined);
    const stop = (this.stop = choices.stops ? h('select', { id: `${id}-stop`, name: 'stop', 'data-focus-key': 'filter-stop' }) : undefined);
    // Any facet besides the search box opens the further filters.
    const { q: _search, ...beyondSearch } = filter;
    const clear = h(
      'button',
      { type: 'button', className: 'btn btn-quiet filter-clear', 'data-focus-key': 'filter-clear', hidden: filterQuery(filter) === '' },
      t(lang, 'clearFilters'),
    );
    clear.addEventListener('click', () => apply(undefined));
    const form = h(
      'form',
      { className: 'filters', role: 'search', 'aria-label': t(lang, 'filters') },
      h(
        'div',
        { className: 'field filter-q' },
        h('label', { for: q.id }, t(lang, 'search')),
        h('div', { className: 'filter-q-row' }, q, h('button', { type: 'submit', className: 'btn', 'data-focus-key': 'filter-apply' }, t(lang, 'apply'))),
      ),
      h(
        'details',
        { className: 'filter-more', open: filterQuery(beyondSearch) !== '' || matchMedia('(min-width: 900px)').matches },
        h('summary', {}, t(lang, 'filters')),
        h(
          'div',
          { className: 'filter-grid' },
          statuses,
          wing ? h('div', { className: 'field' }, h('label', { for: wing.id }, t(lang, 'wing')), wing) : undefined,
          stop ? (this.stopField = h('div', { className: 'field', hidden: true }, h('label', { for: stop.id }, t(lang, 'stop')), stop)) : undefined,
          h('div', { className: 'field' }, h('label', { for: assignee.id }, t(lang, 'assignee')), assignee, this.people),
          h(
            'div',
            { className: 'filter-ticks' },
            tick('overdue', t(lang, 'onlyOverdue'), filter.overdue === true),
            tick('blocked', t(lang, 'onlyBlocked'), filter.blocked === true),
          ),
        ),
      ),
      h('div', { className: 'filter-foot' }, this.matches, clear),
    );
    const read = (): BoardFilter | undefined => {
      const data = new FormData(form);
      const status = TASK_STATUSES.filter((s) => data.get(`status-${s}`) !== null) as TaskStatus[];
      // Only the facets chosen are set (in the order they always had): an empty one is left out.
      const next: BoardFilter = {};
      const facet = (name: 'wing' | 'stop' | 'assignee' | 'q') => {
        const value = String(data.get(name) ?? '').trim();
        if (value !== '') next[name] = value;
      };
      facet('wing');
      facet('stop');
      if (status.length > 0) next.status = status;
      facet('assignee');
      facet('q');
      if (data.get('overdue') !== null) next.overdue = true;
      if (data.get('blocked') !== null) next.blocked = true;
      return filterQuery(next) === '' ? undefined : next;
    };
    const changed = () => {
      const next = read();
      if (filterQuery(next) !== filterQuery(this.filter)) apply(next);
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      changed();
    });
    // Ticks and choosers apply at once; text waits for Enter or the button (a change on blur would rebuild the board under a tap).
    form.addEventListener('change', (event) => {
      if (event.target instanceof HTMLSelectElement || (event.target instanceof HTMLInputElement && event.target.type === 'checkbox')) changed();
    });
    this.el = form;
  }

  /** The choosers' options: wings from the catalogue, stops from the board, both of which may come late. */
  private fill(stops: readonly StopChoice[]): void {
    const { lang, wings } = this.ctx;
    const signature = `${wings.all().length}|${stops.map((s) => s.id).join(',')}`;
    if (signature === this.filled) return;
    this.filled = signature;
    const option = (value: string, label: string) => h('option', { value }, label);
    if (this.wing) {
      const known = wings.all().map((w) => option(w.code, w.name[lang]));
      // A wing in the address that the catalogue does not (yet) list is still offered.
      const extra = this.filter.wing && !wings.has(this.filter.wing) ? [option(this.filter.wing, this.filter.wing)] : [];
      this.wing.replaceChildren(option('', t(lang, 'anyWing')), ...extra, ...known);
      this.wing.value = this.filter.wing ?? '';
    }
    if (this.stop && this.stopField) {
      const extra = this.filter.stop && !stops.some((s) => s.id === this.filter.stop) ? [option(this.filter.stop, this.filter.stop)] : [];
      this.stop.replaceChildren(option('', t(lang, 'anyStop')), ...extra, ...stops.map((s) => option(s.id, s.name)));
      this.stop.value = this.filter.stop ?? '';
      this.stopField.hidden = stops.length === 0 && extra.length === 0;
    }
  }

  /** How many cards match (said only while a filter is on), and the people to suggest. */
  update(cardCount: number, assignees: Iterable<string>, stops: readonly StopChoice[] = []): void {
    this.fill(stops);
    setText(this.matches, filterQuery(this.filter) === '' ? '' : t(this.ctx.lang, 'filteredCount', { n: cardCount }));
    const names = [...new Set(assignees)].sort();
    if (this.people.childElementCount !== names.length) this.people.replaceChildren(...names.map((name) => h('option', { value: name })));
  }
}
