import type { CommandAnswer } from '../../api';
import { h } from '../../dom';
import { t } from '../../i18n';
import type { PageContext } from '../PageContext';
import { CommandForm, Field } from '../forms/CommandForm';
import { type Choice, fillSelect, textBox } from '../forms/controls';
import { wingChoices } from '../forms/wingChoices';
import { needsWing, type Person, rolesFor } from './directory';

/** What the people forms share with the screen: the units to choose from, and reading the list again. */
export interface PeopleForms {
  units(): readonly Choice[];
  /** Reads the directory again, at least at `position` (to show one's own change). */
  reload(position: string): void;
}

/** Role, wing and unit (SPEC v2: `{role, wing?, unit?}`); the wing only for roles that act for one. */
class AccessFields {
  readonly role: Field;
  readonly wing: Field;
  readonly unit: Field;

  constructor(
    private readonly ctx: PageContext,
    private readonly forms: PeopleForms,
    private readonly person?: Person,
  ) {
    const { lang, claims } = ctx;
    const roles = h('select', {});
    fillSelect(
      roles,
      rolesFor(claims).map((role) => ({ value: role, label: t(lang, `role_${role}`) })),
    );
    this.role = new Field('role', t(lang, 'personRole'), roles, true);
    this.wing = new Field('wing', t(lang, 'wing'), h('select', {}));
    this.unit = new Field('unit', t(lang, 'personUnit'), h('select', {}));
    roles.addEventListener('change', () => this.showWing());
    this.update();
    if (person) {
      roles.value = person.role;
      (this.wing.control as HTMLSelectElement).value = person.wing ?? '';
      (this.unit.control as HTMLSelectElement).value = person.unit ?? '';
    }
    this.showWing();
  }

  /** The choices of the moment (the wing catalogue and the units arrive after the form is made). */
  update(): void {
    fillSelect(this.wing.control as HTMLSelectElement, wingChoices(this.ctx));
    fillSelect(this.unit.control as HTMLSelectElement, [{ value: '', label: t(this.ctx.lang, 'noneChoice') }, ...this.forms.units()]);
    if (this.person && !this.unit.control.value && this.person.unit) (this.unit.control as HTMLSelectElement).value = this.person.unit;
  }

  private showWing(): void {
    this.wing.el.hidden = !needsWing(this.role.value);
  }

  body(): { role: string; wing?: string; unit?: string } {
    const role = this.role.value;
    return { role, ...(needsWing(role) && this.wing.value ? { wing: this.wing.value } : {}), ...(this.unit.value ? { unit: this.unit.value } : {}) };
  }
}

const folded = (className: string, summary: string, form: CommandForm) =>
  h('details', { className: `form-box ${className}` }, h('summary', {}, summary), form.el);

/** "Add a person" (an in-charge; a wing lead adds organisers of its own wing). */
export function addPersonForm(ctx: PageContext, forms: PeopleForms): { el: HTMLElement; update(): void } {
  const { lang } = ctx;
  const name = new Field('name', t(lang, 'personName'), textBox(120), true);
  const phone = new Field('phone', t(lang, 'personPhone'), h('input', { type: 'tel', maxlength: 20, autocomplete: 'off', inputmode: 'tel' }));
  const access = new AccessFields(ctx, forms);
  const form = new CommandForm(ctx, {
    className: 'add-person',
    fields: [name, phone, [access.role, access.wing], access.unit],
    submit: 'save',
    command: () => ({ path: '/api/people', body: { name: name.value, ...(phone.value ? { phone: phone.value } : {}), ...access.body() } }),
    done: (answer: CommandAnswer) => {
      forms.reload(answer.position);
      return t(lang, 'personAdded', { name: name.value });
    },
  });
  return { el: folded('form-add-person', `+ ${t(lang, 'addPerson')}`, form), update: () => access.update() };
}

/** "Change role" of one person (in-charges only). */
export function changeRoleForm(ctx: PageContext, forms: PeopleForms, person: Person): { el: HTMLElement; update(): void } {
  const access = new AccessFields(ctx, forms, person);
  const form = new CommandForm(ctx, {
    className: 'change-role',
    fields: [[access.role, access.wing], access.unit],
    submit: 'save',
    command: () => ({ path: `/api/people/${encodeURIComponent(person.id)}/role`, body: access.body() }),
    done: (answer: CommandAnswer) => {
      forms.reload(answer.position);
      return t(ctx.lang, 'roleChanged');
    },
  });
  return { el: folded('form-change-role', t(ctx.lang, 'changeRole'), form), update: () => access.update() };
}

/** "End access", asked first (the folded form is the question), with a reason. */
export function revokeForm(ctx: PageContext, forms: PeopleForms, person: Person): HTMLElement {
  const { lang } = ctx;
  const reason = new Field('reason', t(lang, 'revokeReason'), textBox(500), true);
  const form = new CommandForm(ctx, {
    className: 'revoke',
    fields: [reason],
    submit: 'revokeYes',
    danger: true,
    command: () => ({ path: `/api/people/${encodeURIComponent(person.id)}/revoke`, body: { reason: reason.value } }),
    done: (answer: CommandAnswer) => {
      forms.reload(answer.position);
      return t(lang, 'revoked');
    },
  });
  const box = folded('form-revoke', t(lang, 'revoke'), form);
  form.el.prepend(h('p', { className: 'revoke-ask' }, t(lang, 'revokeAsk', { name: person.name })));
  const no = h('button', { type: 'button', className: 'btn btn-quiet revoke-no' }, t(lang, 'revokeNo'));
  no.addEventListener('click', () => {
    (box as HTMLDetailsElement).open = false;
  });
  form.el.querySelector('.row:last-of-type')?.append(no);
  return box;
}
