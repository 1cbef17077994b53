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
 * "Print report" and "Download list (CSV)" for a view. Printing uses print.css, which turns the view
 * into the readiness report (no controls, no navigation, folded parts open); the stamp says when it
 * was printed (set when the view renders something to print, and when the button is pressed; not
 * while the view is built: the first date format loads the browser's date data, see Formats.warm). The CSV is made when the link is pressed, from what the view holds at that moment.
 */
export class ReportTools {
  readonly el: HTMLElement;
  /** Shown only on paper: what this is and when it was printed. */
  readonly stamp = h('p', { className: 'report-stamp' });

  constructor(
    private readonly ctx: PageContext,
    table?: () => CsvTable | undefined,
  ) {
    const { lang } = ctx;
    const print = h('button', { type: 'button', className: 'btn btn-quiet report-print' }, t(lang, 'printReport'));
    print.addEventListener('click', () => {
      this.update();
      window.print();
    });
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

  update(): void {
    setText(this.stamp, t(this.ctx.lang, 'reportOf', { time: this.ctx.fmt.when(this.ctx.now().toISOString(), this.ctx.now()) }));
  }
}
