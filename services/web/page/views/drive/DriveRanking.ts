import { h, Keyed, setAttr, setText, syncChildren } from '../../dom';
import { t, type Lang } from '../../i18n';
import type { DriveBoardPayload, DriveUnitCount } from '../../types';
import { rankedUnits } from './rankedUnits';
import { unitName, type UnitNames } from './unitNames';

type UnitCount = DriveUnitCount & { code: string };

/** One district's line: rank, name, count against target, its bar, and whether the target is met. */
class UnitRow {
  readonly el: HTMLElement;
  private readonly rank = h('span', { className: 'drive-rank' });
  private readonly name = h('span', { className: 'drive-unit-name' });
  private readonly count = h('span', { className: 'drive-unit-count' });
  private readonly pct = h('span', { className: 'drive-unit-pct' });
  private readonly bar = h('progress', { max: 100, value: 0 });
  private readonly mark = h('span', { className: 'badge' });

  constructor(code: string) {
    this.el = h(
      'li',
      { className: 'drive-unit meter meter-compact', 'data-unit': code },
      h('div', { className: 'drive-unit-head' }, this.rank, this.name, this.count, this.pct),
      this.bar,
      this.mark,
    );
  }

  update(lang: Lang, unit: UnitCount, name: string, over: boolean): void {
    setText(this.rank, String(unit.rank));
    setAttr(this.rank, 'aria-label', t(lang, 'driveRank', { rank: unit.rank }));
    setText(this.name, name);
    setText(this.count, `${unit.enrolled}/${unit.target}`);
    setText(this.pct, `${unit.percent}%`);
    this.bar.value = Math.min(unit.percent, 100);
    setText(this.bar, `${unit.percent}%`);
    setAttr(this.bar, 'aria-label', `${name}: ${unit.percent}%`);
    // Met at any time; missed only once the drive is over (before that, what is left to do).
    const met = unit.target > 0 && unit.enrolled >= unit.target;
    const state = met ? 'met' : over ? 'missed' : 'open';
    this.el.dataset.state = state;
    this.mark.className = `badge drive-mark ${met ? 'badge-ok' : over ? 'badge-risk' : 'badge-muted'}`;
    setText(
      this.mark,
      met ? `✓ ${t(lang, 'driveMet')}` : over ? `✗ ${t(lang, 'driveMissed')}` : t(lang, 'driveToGo', { n: Math.max(unit.target - unit.enrolled, 0) }),
    );
  }
}

/** The districts ranked as the board ranks them (furthest towards the target first), for a state in-charge at a glance. */
export class DriveRanking {
  readonly el = h('ol', { className: 'drive-units' });
  private readonly rows = new Keyed<UnitCount, UnitRow>(
    (unit) => unit.code,
    (unit) => new UnitRow(unit.code),
  );

  update(lang: Lang, board: DriveBoardPayload, names: UnitNames | undefined, now: Date): void {
    const over = board.drive.closed || Date.parse(board.drive.endsAt) <= now.getTime();
    const rows = this.rows.take(rankedUnits(board));
    for (const [unit, row] of rows) row.update(lang, unit, unitName(names, unit.code, lang), over);
    syncChildren(
      this.el,
      rows.map(([, row]) => row.el),
    );
  }
}
