import { h, setText } from '../dom';
import { t, type Lang } from '../i18n';
import { isEnrolment } from '../outbox/isEnrolment';
import type { Outbox } from '../outbox/Outbox';
import type { Settled } from '../outbox/Report';
import { reportText } from '../outbox/reportText';
import { stringField } from '../stringField';
import type { WingCatalogue } from '../WingCatalogue';

/** The worker's name of a queued enrolment (it has no card to say it on). */
function enrolled(settled: Settled): string | undefined {
  return isEnrolment(settled.change) ? stringField(settled.change.body, 'name') : undefined;
}

/**
 * What the last send of the offline queue did, per change, under the header: how many were saved,
 * and for each one that was not, what it was about and why, in plain words. Cards say it too, but a
 * cancelled task's card is gone from the board.
 */
export class OutboxReport {
  readonly el = h('section', { className: 'sync-report', role: 'status', 'aria-live': 'polite', hidden: true });
  private readonly summary = h('p', { className: 'sync-summary' });
  private readonly list = h('ul', { className: 'sync-list' });
  private shown: readonly Settled[] = [];

  constructor(
    private readonly lang: Lang,
    private readonly wings: WingCatalogue,
    private readonly outbox: Outbox,
  ) {
    const ok = h('button', { type: 'button', className: 'btn btn-quiet sync-ok' }, t(lang, 'dismiss'));
    ok.addEventListener('click', () => {
      this.el.hidden = true;
    });
    this.el.append(this.summary, this.list, ok);
    this.update();
  }

  update(): void {
    const recent = this.outbox.recent;
    if (recent === this.shown) return;
    this.shown = recent;
    this.el.hidden = recent.length === 0;
    const saved = recent.filter((s) => s.report.kind === 'saved').length;
    setText(this.summary, t(this.lang, 'sentReport', { saved, other: recent.length - saved }));
    this.list.replaceChildren(
      ...recent
        .filter((s) => s.report.kind !== 'saved')
        .map((s) => {
          const title = s.change.target?.title ?? enrolled(s);
          return h(
            'li',
            { className: 'sync-item', 'data-target-id': s.change.target?.id },
            title === undefined ? undefined : h('strong', {}, `“${title}”: `),
            reportText(this.lang, this.wings, s.report),
          );
        }),
    );
  }
}
