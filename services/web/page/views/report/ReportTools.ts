import { h, setText } from '../../dom';
import { t } from '../../i18n';
import { csvOf } from '../../csvOf';
import type { PageContext } from '../PageContext';

/** A view's list as a table: its file name and rows (the first row names the columns). */
export interface CsvTable {
  filename: string;
  rows: string[][];
}

/**
 * Sets every report stamp on the page to now. The App calls it as the page is printed (`beforeprint`,
 * which both the "Print report" button's window.print() and the browser's own Print fire), not as
 * views draw: the stamp is the time of printing, and a board's first draw formats no date in the
 * browser's zone (that loads the browser's date data: 100–200 ms on a slow phone, see Formats).
 */
export function stampReports(ctx: Pick<PageContext, 'lang' | 'fmt' | 'now'>): void {
  const now = ctx.now();
  const text = t(ctx.lang, 'reportOf', { time: ctx.fmt.when(now.toISOString(), now) });
  for (const stamp of document.querySelectorAll<HTMLElement>('.report-stamp')) setText(stamp, text);
}

/**
 * "Print report" and "Download list (CSV)" for a view. Printing uses print.css, which turns the view
 * into the readiness report (no controls, no navigation, folded parts open), with a stamp that says
 * what it is and when it was printed (stampReports). The CSV is made when the link is pressed, from
 * what the view holds at that moment.
 */
export class ReportTools {
  readonly el: HTMLElement;
  /** Shown only on paper: what this is and when it was printed. */
  readonly stamp = h('p', { className: 'report-stamp' });

  constructor(ctx: PageContext, table?: () => CsvTable | undefined) {
    const { lang } = ctx;
    const print = h('button', { type: 'button', className: 'btn btn-quiet report-print' }, t(lang, 'printReport'));
    print.addEventListener('click', () => window.print());
    const parts: HTMLElement[] = [print];
    if (table) {
      const link = h('a', { className: 'btn btn-quiet report-csv', href: '#', download: 'tayari.csv' }, t(lang, 'downloadCsv'));
      link.addEventListener('click', (event) => {
        const made = table();
        if (!made) {
          event.preventDefault();
          return;
        }
        // A fresh file each time; the previous one is let go once it has been handed over.
        const previous = link.href;
        link.download = made.filename;
        link.href = URL.createObjectURL(new Blob([csvOf(made.rows)], { type: 'text/csv;charset=utf-8' }));
        if (previous.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(previous), 1000);
      });
      parts.push(link);
    }
    this.el = h('div', { className: 'report-tools' }, ...parts);
  }
}
