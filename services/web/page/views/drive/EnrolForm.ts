import { normalisePhone } from '@tayari/shared/contract/phone';
import { h } from '../../dom';
import { t, type MessageKey } from '../../i18n';
import { CommandForm, Field } from '../forms/CommandForm';
import { type Choice, fillSelect, textBox } from '../forms/controls';
import type { PageContext } from '../PageContext';

/** The drive's refusals a person can act on, in their words (SPEC v2 "the enrolment drive"). */
const RULES: Record<string, MessageKey> = {
  'duplicate-enrolment': 'enrolDuplicate',
  'drive-closed': 'enrolClosedDrive',
  'drive-not-open': 'enrolNotOpen',
  'unit-without-target': 'enrolNoTarget',
};

/**
 * "Enrol a worker": name, mobile, district and the worker's consent (SPEC: only `true` is consent),
 * a CommandForm: checked here first (the phone by the server's own rule), with the message at the
 * field; sent at once when online, else kept in the offline queue and sent with it through the batch
 * endpoint (same Idempotency-Key, so never twice). A phone already enrolled in the drive (409) is said
 * at the phone field.
 */
export class EnrolForm {
  readonly el: HTMLElement;
  private readonly unitSelect = h('select', {});

  constructor(
    private readonly ctx: PageContext,
    driveId: string,
    /** Told the position the server saved an enrolment at (to read the board up to it). */
    saved: (position: string) => void,
  ) {
    const { lang, claims } = ctx;
    const name = new Field('name', t(lang, 'enrolName'), textBox(120), true);
    const phone = new Field('phone', t(lang, 'enrolPhone'), h('input', { type: 'tel', maxlength: 20, autocomplete: 'off', inputmode: 'tel' }), true);
    const unit = new Field('unit', t(lang, 'enrolUnit'), this.unitSelect, true);
    const booth = new Field('booth', t(lang, 'enrolBooth'), textBox(64));
    const box = h('input', { type: 'checkbox', 'aria-required': 'true' });
    const consent = new Field('consent', t(lang, 'enrolConsent'), box);
    // The box sits inside its label, before the words, as a tick box reads.
    consent.el.querySelector('label')?.prepend(box, ' ');
    // A wing's people enrol for their own wing (the server refuses another).
    const wing = claims.role === 'wing-lead' || claims.role === 'organiser' ? claims.wing : undefined;
    const form = new CommandForm(ctx, {
      className: 'enrol-form',
      fields: [name, phone, [unit, booth], consent],
      submit: 'enrolSubmit',
      check: () => {
        if (phone.value !== '' && normalisePhone(phone.value) === undefined) phone.say(t(lang, 'enrolPhoneBad'));
        if (!box.checked) consent.say(t(lang, 'enrolConsentNeeded'));
        return box.checked && phone.control.getAttribute('aria-invalid') !== 'true';
      },
      command: () => ({
        path: `/api/drives/${encodeURIComponent(driveId)}/enrolments`,
        body: {
          unit: unit.value,
          name: name.value,
          phone: phone.value,
          ...(wing ? { wing } : {}),
          ...(booth.value ? { booth: booth.value } : {}),
          consent: true,
        },
      }),
      done: (answer) => {
        saved(answer.position);
        return t(lang, 'enrolled', { name: name.value });
      },
      refused: (type) => {
        const rule = type === undefined ? undefined : RULES[type];
        if (rule === 'enrolDuplicate') {
          phone.say(t(lang, rule));
          phone.control.focus();
        }
        return rule === undefined ? undefined : t(lang, rule);
      },
    });
    // The district stays when the form is emptied: the next worker is usually from the same one.
    form.el.addEventListener('reset', () => {
      const chosen = this.unitSelect.value;
      queueMicrotask(() => {
        this.unitSelect.value = chosen;
      });
    });
    // Open for those who enrol in the field; folded for in-charges, who come for the ranking.
    const open = claims.role !== 'incharge';
    this.el = h('details', { className: 'form-box form-enrol', open }, h('summary', {}, `+ ${t(lang, 'enrolOpen')}`), form.el);
  }

  /** The districts that have a target (only those take enrolments), in the page's language. */
  update(units: readonly Choice[]): void {
    fillSelect(this.unitSelect, [{ value: '', label: t(this.ctx.lang, 'enrolChooseUnit') }, ...units]);
  }
}
