import { h, Keyed, setText, syncChildren } from '../../dom';
import { t } from '../../i18n';
import type { PageContext } from '../PageContext';
import { Field } from './CommandForm';
import { fillSelect, textBox } from './controls';
import { type KeyedLine, keyedLines } from './keyedLines';
import { linesOf } from './linesOf';
import type { PeopleNames } from './PeopleNames';
import { TimeField } from './TimeField';

/** What the minutes send for one decision: its text, or its text and the wing that acts on it (SPEC v2). */
export type DecisionBody = string | { text: string; wing: string; assignee?: string | { personId: string }; dueAt?: string };

/** One decision's line: the wing that acts on it, and (once a wing is chosen) for whom and by when. */
class DecisionRow {
  readonly el: HTMLElement;
  readonly wing: Field;
  readonly assignee: Field;
  readonly due: TimeField;
  private readonly select = h('select', {});
  private readonly text = h('p', { className: 'decision-text' });

  constructor(ctx: PageContext, names: PeopleNames) {
    this.wing = new Field('decision-wing', t(ctx.lang, 'decisionWing'), this.select);
    const box = textBox(120);
    box.setAttribute('list', names.list.id);
    this.assignee = new Field('decision-assignee', t(ctx.lang, 'decisionAssignee'), box);
    this.due = new TimeField(ctx, 'decision-due', 'decisionDue', false);
    this.wing.control.addEventListener('change', () => this.showMore());
    this.el = h('li', { className: 'decision-row' }, this.text, this.wing.el, h('div', { className: 'row' }, this.assignee.el, this.due.el));
    this.showMore();
  }

  /** An assignee or a due time needs a wing to act (the API refuses them alone): offered once one is chosen. */
  private showMore(): void {
    this.assignee.el.hidden = this.due.el.hidden = this.wing.value === '';
  }

  /** Shows its line, which is decision `index` of the body: the API's `decisions.<index>.…` errors land here. */
  update(ctx: PageContext, text: string, index: number, zone: string | undefined): void {
    setText(this.text, text);
    this.el.dataset.decision = String(index);
    const at = `decisions.${index}`;
    this.wing.path = `${at}.wing`;
    this.assignee.path = `${at}.assignee`;
    this.due.path = `${at}.dueAt`;
    const { lang, wings } = ctx;
    fillSelect(this.select, [{ value: '', label: t(lang, 'decisionNoWing') }, ...wings.all().map((w) => ({ value: w.code, label: w.name[lang] }))]);
    this.due.zone(zone);
    this.showMore();
  }

  body(text: string, zone: string | undefined, names: PeopleNames): DecisionBody {
    if (this.wing.value === '') return text;
    return {
      text,
      wing: this.wing.value,
      ...(this.assignee.value ? { assignee: names.assignee(this.assignee.value) } : {}),
      ...(this.due.value ? { dueAt: this.due.instant(zone) } : {}),
    };
  }
}

/**
 * Under the minutes' decisions (one a line), a row per decision to give it to a wing: each decision
 * with a wing becomes that wing's task (SPEC v2 "meeting follow-ups"). A row is kept under its line's
 * text and occurrence, so its choices stay with that decision when lines above it come and go; the
 * API's `decisions.<n>.wing` errors land on the row now at line n.
 */
export class DecisionRows {
  readonly el: HTMLElement;
  private readonly list = h('ol', { className: 'decision-rows' });
  private readonly rows: Keyed<KeyedLine, DecisionRow>;
  private readonly names: PeopleNames;
  private zone: string | undefined;

  constructor(
    private readonly ctx: PageContext,
    private readonly decisions: Field,
    names: PeopleNames,
  ) {
    this.names = names;
    // A line edited or removed loses its row: typed again, it starts with no wing.
    this.rows = new Keyed(
      (line) => line.key,
      () => new DecisionRow(ctx, names),
    );
    const { lang } = ctx;
    this.el = h(
      'div',
      { className: 'decision-wings', hidden: true },
      h('p', { className: 'decision-wings-title' }, t(lang, 'decisionsForWings')),
      h('p', { className: 'muted' }, t(lang, 'decisionsForWingsHint')),
      this.list,
      names.list,
    );
    decisions.control.addEventListener('input', () => this.sync());
  }

  /** The zone due times are read in (the meeting's), once known. */
  update(zone: string | undefined): void {
    this.zone = zone;
    this.sync();
  }

  /** A row per line of the decisions box; called as it is typed in, and after the form is emptied. */
  sync(): void {
    const rows = this.lines();
    for (const [i, [{ line }, row]] of rows.entries()) row.update(this.ctx, line, i, this.zone);
    syncChildren(
      this.list,
      rows.map(([, row]) => row.el),
    );
    this.el.hidden = rows.length === 0;
    if (rows.length > 0) this.names.load();
  }

  /** Each line of the decisions box beside its row. */
  private lines(): [KeyedLine, DecisionRow][] {
    return this.rows.take(keyedLines(linesOf(this.decisions.control.value)));
  }

  fields(): Field[] {
    return this.lines().flatMap(([, row]) => [row.wing, row.assignee, row.due]);
  }

  /** The decisions as the API takes them, in the order of the lines. */
  body(): DecisionBody[] {
    return this.lines().map(([{ line }, row]) => row.body(line, this.zone, this.names));
  }

  /** How many decisions go to a wing (each becomes a task). */
  forWings(): number {
    return this.body().filter((d) => typeof d !== 'string').length;
  }
}
