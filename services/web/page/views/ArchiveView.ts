import { h, Keyed, setText, syncChildren } from '../dom';
import { t } from '../i18n';
import type { ProgrammeListPayload, ProgrammeSummary } from '../types';
import type { PageContext, View } from './PageContext';
import { ProgrammeRow } from './ProgrammeRow';

/**
 * Programmes that have ended or were cancelled, latest first (GET /api/programmes up to now): they
 * leave the live boards, but their boards and minutes stay one tap away (issue 14). Read once when
 * opened; no live board carries them.
 */
export class ArchiveView implements View {
  readonly el: HTMLElement;
  readonly heading: HTMLElement;
  readonly boards: readonly string[] = [];
  private readonly list = h('ol', { className: 'prog-list archive-list' });
  private readonly status = h('p', { className: 'notice', role: 'status' });
  private readonly rows: Keyed<ProgrammeSummary, ProgrammeRow>;
  private programmes: ProgrammeSummary[] | undefined;
  private failed = false;

  constructor(private readonly ctx: PageContext) {
    const { lang } = ctx;
    this.heading = h('h2', { className: 'view-title', tabindex: -1 }, t(lang, 'archiveTitle'));
    this.rows = new Keyed(
      (p: ProgrammeSummary) => p.id,
      () => new ProgrammeRow(ctx),
    );
    this.el = h(
      'section',
      { className: 'view view-archive' },
      h('header', { className: 'view-head' }, this.heading, h('p', { className: 'muted' }, t(lang, 'archiveIntro'))),
      this.status,
      this.list,
    );
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const body = await this.ctx.api.get<ProgrammeListPayload>(`/api/programmes?to=${encodeURIComponent(this.ctx.now().toISOString())}`);
      this.programmes = body.programmes.filter((p) => p.phase === 'ended' || p.status === 'cancelled').reverse();
    } catch {
      this.failed = true;
    }
    this.render();
  }

  render(): void {
    const { lang } = this.ctx;
    document.title = `${t(lang, 'archiveTitle')} · ${t(lang, 'appName')}`;
    const programmes = this.programmes;
    if (!programmes) {
      setText(this.status, this.failed ? t(lang, 'loadFailed') : t(lang, 'loading'));
      return;
    }
    setText(this.status, programmes.length === 0 ? t(lang, 'archiveEmpty') : '');
    const rows = this.rows.take(programmes);
    for (const [item, row] of rows) row.update(item);
    syncChildren(
      this.list,
      rows.map(([, row]) => row.el),
    );
  }
}
