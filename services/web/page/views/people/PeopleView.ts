import { HttpError } from '../../api';
import { h, Keyed, setText, syncChildren } from '../../dom';
import { t } from '../../i18n';
import type { Choice } from '../forms/controls';
import { fillSelect, textBox } from '../forms/controls';
import { unitNames } from '../drive/unitNames';
import type { PageContext, View } from '../PageContext';
import { type Directory, type Person, rolesFor } from './directory';
import { addPersonForm } from './PersonForms';
import { PersonRow } from './PersonRow';

/** The directory is read again this often while it is shown (sign-ins happen elsewhere). */
const RELOAD_MS = 20_000;

/**
 * "People and access" (SPEC v2), for in-charges and wing leads: the directory by wing and text, each
 * person's sign-in state, and adding, inviting, changing role and ending access, as far as the viewer
 * may. A wing lead sees the people of their own wing. Not a live board: read by GET when shown, after
 * each change (at its position) and every 20 s.
 */
export class PeopleView implements View {
  readonly el: HTMLElement;
  readonly heading: HTMLElement;
  readonly boards: readonly string[] = [];
  private readonly list = h('ul', { className: 'people-list' });
  private readonly status = h('p', { className: 'notice', role: 'status' });
  private readonly count = h('p', { className: 'filter-matches', role: 'status' });
  private readonly wingSelect = h('select', { id: 'people-wing', name: 'wing', 'data-focus-key': 'people-wing' });
  private readonly rows: Keyed<Person, PersonRow>;
  private readonly add: { el: HTMLElement; update(): void } | undefined;
  private readonly wing: string | undefined;
  private directory: Directory | undefined;
  private failed: 'refused' | 'error' | undefined;
  private units: Choice[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ctx: PageContext,
    private readonly route: { wing?: string; q?: string },
  ) {
    const { lang, claims } = ctx;
    // A wing lead manages the organisers of their own wing: that is the list they see.
    this.wing = claims.role === 'wing-lead' ? claims.wing : route.wing;
    this.heading = h('h2', { className: 'view-title', tabindex: -1 }, t(lang, 'peopleTitle'));
    const forms = { units: () => this.units, reload: (position: string) => void this.load(position) };
    this.rows = new Keyed(
      (person: Person) => person.id,
      (person) => new PersonRow(ctx, forms, person),
    );
    this.add = rolesFor(claims).length > 0 ? addPersonForm(ctx, forms) : undefined;
    const q = textBox(120, route.q ?? '');
    q.id = 'people-q';
    q.name = 'q';
    q.type = 'search';
    const filters = h(
      'form',
      { className: 'filters people-filters', role: 'search', 'aria-label': t(lang, 'filters') },
      claims.role === 'incharge' ? h('div', { className: 'field' }, h('label', { for: 'people-wing' }, t(lang, 'wing')), this.wingSelect) : undefined,
      h(
        'div',
        { className: 'field filter-q' },
        h('label', { for: 'people-q' }, t(lang, claims.role === 'incharge' ? 'peopleSearch' : 'peopleSearchName')),
        h('div', { className: 'filter-q-row' }, q, h('button', { type: 'submit', className: 'btn', 'data-focus-key': 'people-apply' }, t(lang, 'apply'))),
      ),
      this.count,
    );
    filters.addEventListener('submit', (event) => {
      event.preventDefault();
      const wing = claims.role === 'incharge' ? this.wingSelect.value || undefined : undefined;
      const text = q.value.trim() || undefined;
      ctx.replaceRoute({ view: 'people', ...(wing ? { wing } : {}), ...(text ? { q: text } : {}) });
    });
    this.wingSelect.addEventListener('change', () => filters.requestSubmit());
    const intro = t(lang, claims.role === 'incharge' ? 'peopleIntro' : 'peopleIntroLead');
    this.el = h(
      'section',
      { className: 'view view-people' },
      h('header', { className: 'view-head' }, this.heading, h('p', { className: 'muted' }, intro)),
      this.add?.el,
      filters,
      this.status,
      this.list,
    );
    void this.load();
    void this.loadUnits();
  }

  /** Reads the directory (at least at `minPosition`), and again every RELOAD_MS while the view is shown. */
  private async load(minPosition?: string): Promise<void> {
    clearTimeout(this.timer);
    const query = new URLSearchParams({ ...(this.wing ? { wing: this.wing } : {}), ...(this.route.q ? { q: this.route.q } : {}) });
    if (minPosition !== undefined) query.set('minPosition', minPosition);
    try {
      this.directory = await this.ctx.api.get<Directory>(`/api/people${query.toString() ? `?${query.toString()}` : ''}`);
      this.failed = undefined;
    } catch (error) {
      this.failed = error instanceof HttpError && error.status < 500 && error.status !== 429 ? 'refused' : 'error';
    }
    this.render();
    if (this.failed === 'refused') return;
    this.timer = setTimeout(() => {
      if (this.el.isConnected) void this.load();
    }, RELOAD_MS);
  }

  /** The units a person may be given (the state and what is under it), indented by depth. */
  private async loadUnits(): Promise<void> {
    try {
      const names = await unitNames(this.ctx.api);
      this.units = [...names].map(([code, name]): Choice => ({ value: code, label: `${'\u00a0\u00a0'.repeat(name.depth)}${name[this.ctx.lang]}` }));
      this.render();
    } catch {
      // without the units the forms offer none
    }
  }

  render(): void {
    const { lang, claims, wings } = this.ctx;
    document.title = `${t(lang, 'peopleTitle')} · ${t(lang, 'appName')}`;
    if (claims.role === 'incharge') {
      fillSelect(this.wingSelect, [{ value: '', label: t(lang, 'anyWing') }, ...wings.all().map((w) => ({ value: w.code, label: w.name[lang] }))]);
      this.wingSelect.value = this.wing ?? '';
    }
    this.add?.update();
    const people = this.directory?.people ?? [];
    if (!this.directory) {
      setText(this.status, this.failed === 'refused' ? t(lang, 'peopleMissing') : this.failed === 'error' ? t(lang, 'loadFailed') : t(lang, 'loading'));
    } else {
      const filtered = this.wing !== undefined || this.route.q !== undefined;
      setText(this.status, people.length > 0 ? '' : t(lang, filtered ? 'peopleNone' : 'peopleEmpty'));
    }
    setText(this.count, this.directory && people.length > 0 ? t(lang, 'peopleCount', { n: people.length }) : '');
    const rows = this.rows.take(people);
    for (const [item, row] of rows) row.update(item);
    syncChildren(
      this.list,
      rows.map(([, row]) => row.el),
    );
  }
}
