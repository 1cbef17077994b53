import type { CommandAnswer, FieldError } from '../../api';
import { h, setAttr, setText } from '../../dom';
import { t, type MessageKey } from '../../i18n';
import { newKey } from '../../newKey';
import { nextId } from '../../nextId';
import type { Aspect, ChangeTarget } from '../../outbox/QueuedChange';
import { sendOrQueue, type Sent } from '../../outbox/sendOrQueue';
import { sentWords } from '../../outbox/sentWords';
import type { PageContext } from '../PageContext';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A labelled control with its own error line (tied to it by aria-describedby). */
export class Field {
  readonly el: HTMLElement;
  readonly error = h('p', { className: 'field-error', 'aria-live': 'polite' });

  constructor(
    readonly name: string,
    label: string,
    readonly control: Control,
    readonly required = false,
    /** The body field it fills, as the API's `errors[].path` names it (when the control's name differs); a row that moves changes it. */
    public path = name,
  ) {
    const id = nextId('f');
    control.id = id;
    control.name = name;
    this.error.id = `${id}-error`;
    control.setAttribute('aria-describedby', this.error.id);
    if (required) control.setAttribute('aria-required', 'true');
    this.el = h('div', { className: `field field-${name}` }, h('label', { for: id }, label), control, this.error);
  }

  get value(): string {
    return this.control.value.trim();
  }

  say(message: string): void {
    setText(this.error, message);
    setAttr(this.control, 'aria-invalid', message ? 'true' : undefined);
  }
}

/** What a form sends: the command's path and body, and the version it was looking at. */
export interface Command {
  path: string;
  body: object;
  ifMatch?: number;
  /** The task or duty it changes, and the field its meaning depends on (judged after a 412). */
  target?: ChangeTarget;
  aspect?: Aspect;
}

/** The `ifMatch` of a command made against `version`: none when the form has not seen one yet. */
export function ifMatchOf(version: number | undefined): Pick<Command, 'ifMatch'> {
  return version === undefined ? {} : { ifMatch: version };
}

export interface CommandFormOptions {
  className: string;
  fields: readonly (Field | readonly Field[])[];
  /** A part below the fields whose fields come and go (a row per decision): checked and told errors like the others. */
  extra?: { el: HTMLElement; fields(): readonly Field[] };
  submit: MessageKey;
  danger?: boolean;
  /** Checks past the required fields (a phone's form, a box to tick), said at their fields; true when all is well. */
  check?(): boolean;
  /** The command from the fields (already checked for the required ones). */
  command(): Command;
  /** Told after the server took it: what to say (or, when that needs a read first, a promise of it), and what to read again. */
  done(answer: CommandAnswer): string | Promise<string>;
  /** A refusal the form says in the person's words, by its problem type (and at a field, if it names one); undefined: said as the API put it. */
  refused?(type: string | undefined): string | undefined;
  /** Told after a 412 (or a change settled by meaning, e.g. on a task cancelled meanwhile): read it again. */
  conflict?(sent: Exclude<Sent, { kind: 'ok' }>): void;
}

/**
 * A form that sends one command (SPEC "Commands"): required fields checked first, then sent with an
 * Idempotency-Key kept while the same thing is retried, and If-Match when it changes something seen.
 * The API's validation messages (problem+json `errors[].path`) are shown at the field they name;
 * anything else under the button.
 */
export class CommandForm {
  readonly el: HTMLFormElement;
  private readonly message = h('p', { className: 'form-msg', role: 'status', 'aria-live': 'polite' });
  private readonly button: HTMLButtonElement;
  private readonly fixed: Field[];
  private busy = false;

  constructor(
    private readonly ctx: PageContext,
    private readonly options: CommandFormOptions,
  ) {
    this.fixed = options.fields.flatMap((f) => (Array.isArray(f) ? [...(f as readonly Field[])] : [f as Field]));
    this.button = h('button', { type: 'submit', className: options.danger ? 'btn btn-danger' : 'btn' }, t(ctx.lang, options.submit));
    const rows = options.fields.map((f) => (Array.isArray(f) ? h('div', { className: 'row' }, ...(f as readonly Field[]).map((x) => x.el)) : (f as Field).el));
    this.el = h(
      'form',
      { className: `cmd-form ${options.className}`, novalidate: true },
      ...rows,
      options.extra?.el,
      h('div', { className: 'row' }, this.button),
      this.message,
    );
    this.el.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
  }

  private get all(): Field[] {
    return [...this.fixed, ...(this.options.extra?.fields() ?? [])];
  }

  private say(text: string, error = false): void {
    this.message.classList.toggle('msg-error', error);
    setAttr(this.message, 'role', error ? 'alert' : 'status');
    setText(this.message, text);
  }

  /** Shows the API's field errors at their fields; answers those that name no field here. */
  private showErrors(errors: readonly FieldError[]): FieldError[] {
    const left: FieldError[] = [];
    const all = this.all;
    for (const error of errors) {
      // The field with the longest path the error's path starts with (`decisions.2.wing` before `decisions`).
      const field = all.filter((f) => error.path === f.path || error.path.startsWith(`${f.path}.`)).sort((a, b) => b.path.length - a.path.length)[0];
      if (field) field.say(field.error.textContent ? `${field.error.textContent} ${error.message}` : error.message);
      else left.push(error);
    }
    all.find((f) => f.control.getAttribute('aria-invalid') === 'true')?.control.focus();
    return left;
  }

  private async submit(): Promise<void> {
    if (this.busy) return;
    const { lang } = this.ctx;
    for (const field of this.all) field.say('');
    const missing = this.all.filter((f) => f.required && f.value === '');
    for (const field of missing) field.say(t(lang, 'required'));
    // Run even with fields missing, so everything wrong is said at once.
    const checked = this.options.check?.() ?? true;
    if (missing.length > 0 || !checked) {
      this.all.find((f) => f.control.getAttribute('aria-invalid') === 'true')?.control.focus();
      this.say(t(lang, 'fieldProblem'), true);
      return;
    }
    // One key per press, made now: kept with the change if it has to wait for the connection.
    const command = this.options.command();
    this.busy = true;
    this.button.disabled = true;
    this.say(t(lang, 'sending'));
    const change = { ...command, key: newKey(), at: new Date().toISOString() };
    const result = await sendOrQueue(this.ctx.api, this.ctx.outbox, change, () => this.say(t(lang, 'retrying'))).finally(() => {
      this.busy = false;
      this.button.disabled = false;
    });
    if (result.kind === 'ok') {
      // Told before the fields are emptied, so the message can name what was sent.
      const text = this.options.done(result.answer);
      this.el.reset();
      this.say(await text);
    } else if (result.kind === 'refused') {
      const own = this.options.refused?.(result.type);
      const left = own === undefined ? this.showErrors(result.errors) : [];
      const detail = left.length > 0 ? left.map((e) => e.message).join('; ') : result.errors.length > 0 ? '' : result.detail;
      this.say(own ?? (detail ? t(lang, 'refused', { detail }) : t(lang, 'fieldProblem')), true);
    } else {
      const words = sentWords(lang, this.ctx.wings, result);
      if (result.kind === 'queued') this.el.reset();
      this.say(words.text, words.error);
      if (result.kind === 'conflict' || result.kind === 'settled') this.options.conflict?.(result);
    }
  }
}
