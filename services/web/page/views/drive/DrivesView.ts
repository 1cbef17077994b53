import { h, setText } from '../../dom';
import { t } from '../../i18n';
import { hrefOf } from '../../route';
import type { PageContext, View } from '../PageContext';
import type { DriveListPayload, DriveSummary } from '../../types';

/** The list is read again this often while shown (enrolments arrive all the time). */
const RELOAD_MS = 30_000;

/**
 * `#/drive`: the enrolment drives (GET /api/drives), latest first, each with its total against the
 * target, leading to its board. Not a live board: read when shown and every 30 s.
 */
export class DrivesView implements View {
  readonly el: HTMLElement;
  readonly heading: HTMLElement;
  readonly boards: readonly string[] = [];
  private readonly list = h('ul', { className: 'drive-list' });
  private readonly status = h('p', { className: 'notice', role: 'status' });
  private drives: DriveSummary[] | undefined;
  private failed = false;

  constructor(private readonly ctx: PageContext) {
    const { lang } = ctx;
    this.heading = h('h2', { className: 'view-title', tabindex: -1 }, t(lang, 'drivesTitle'));
    this.el = h(
      'section',
      { className: 'view view-drives' },
      h('header', { className: 'view-head' }, this.heading, h('p', { className: 'muted' }, t(lang, 'drivesIntro'))),
      this.status,
      this.list,
    );
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.drives = (await this.ctx.api.get<DriveListPayload>('/api/drives')).drives;
      this.failed = false;
    } catch {
      // Unreachable with no copy kept (the worker answers offline with the last list): said; a list shown stays.
      this.failed = true;
    }
    this.render();
    setTimeout(() => {
      if (this.el.isConnected) void this.load();
    }, RELOAD_MS);
  }

  render(): void {
    const { lang, fmt } = this.ctx;
    document.title = `${t(lang, 'drivesTitle')} · ${t(lang, 'appName')}`;
    if (!this.drives) {
      setText(this.status, this.failed ? t(lang, 'loadFailed') : t(lang, 'loading'));
      return;
    }
    setText(this.status, this.drives.length === 0 ? t(lang, 'drivesNone') : '');
    const now = this.ctx.now();
    this.list.replaceChildren(
      ...this.drives.map((drive) =>
        h(
          'li',
          { className: 'panel drive-item meter', 'data-drive-id': drive.id },
          h(
            'div',
            { className: 'meter-head' },
            h('a', { href: hrefOf({ view: 'drive', id: drive.id }), className: 'drive-link' }, drive.title),
            h('span', { className: 'meter-pct' }, `${drive.percent}%`),
            drive.closed ? h('span', { className: 'badge badge-muted' }, t(lang, 'driveClosed')) : undefined,
          ),
          h('progress', { max: 100, value: Math.min(drive.percent, 100), 'aria-label': drive.title }),
          h(
            'p',
            { className: 'muted' },
            `${t(lang, 'driveTotal', { total: drive.total, target: drive.target })} · ${t(lang, 'driveWindow', { from: fmt.when(drive.startsAt, now), to: fmt.when(drive.endsAt, now) })}`,
          ),
        ),
      ),
    );
  }
}
