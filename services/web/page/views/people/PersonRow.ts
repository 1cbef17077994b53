import { h, setText } from '../../dom';
import { t } from '../../i18n';
import type { PageContext } from '../PageContext';
import { manages, type Person } from './directory';
import { InvitePanel } from './InvitePanel';
import { changeRoleForm, type PeopleForms, revokeForm } from './PersonForms';

/**
 * One person of the directory: name, role, wing, unit, phone (in-charges only) and where their sign-in
 * stands; and what the viewer may do to them (README "Who may do what": invite and end access for
 * those they manage, change role for in-charges). The actions are made again only when what they
 * depend on changed, so a half-typed reason survives the list being read again.
 */
export class PersonRow {
  readonly el: HTMLElement;
  private person: Person;
  private readonly name = h('h3', { className: 'person-name' });
  private readonly role = h('li', { className: 'person-role' });
  private readonly unit = h('li', { className: 'person-unit', hidden: true });
  private readonly phone = h('li', { className: 'person-phone', hidden: true });
  private readonly signIn = h('span', { className: 'chip chip-sign-in' });
  private readonly actions = h('div', { className: 'person-actions' });
  private actionsFor = '';
  private invite: InvitePanel | undefined;
  private updates: (() => void)[] = [];

  constructor(
    private readonly ctx: PageContext,
    private readonly forms: PeopleForms,
    person: Person,
  ) {
    this.person = person;
    this.el = h(
      'li',
      { className: 'person panel', 'data-person-id': person.id },
      this.name,
      h('ul', { className: 'person-meta' }, this.role, this.unit, this.phone, h('li', {}, this.signIn)),
      this.actions,
    );
  }

  update(person: Person): void {
    const { lang, wings } = this.ctx;
    this.person = person;
    this.el.dataset.signIn = person.signIn;
    setText(this.name, person.name);
    const role = t(lang, `role_${person.role}`);
    setText(this.role, person.wing ? `${role} · ${wings.name(person.wing, lang)}` : role);
    const unit = person.unit
      ? (this.forms
          .units()
          .find((u) => u.value === person.unit)
          ?.label.trim() ?? person.unit)
      : '';
    this.unit.hidden = !unit;
    setText(this.unit, unit);
    this.phone.hidden = !person.phone;
    this.phone.replaceChildren(...(person.phone ? [h('a', { href: `tel:${person.phone}` }, person.phone)] : []));
    this.signIn.dataset.state = person.signIn;
    setText(this.signIn, t(lang, `signIn_${person.signIn}`));
    this.showActions();
    this.invite?.update();
    for (const update of this.updates) update();
  }

  private showActions(): void {
    const { claims } = this.ctx;
    const person = this.person;
    const allowed = person.signIn !== 'revoked' && manages(claims, person);
    const signature = allowed ? `${person.role}|${person.wing ?? ''}|${person.unit ?? ''}` : '';
    if (signature === this.actionsFor) return;
    this.actionsFor = signature;
    this.updates = [];
    this.invite = undefined;
    if (!allowed) {
      this.actions.replaceChildren();
      return;
    }
    this.invite = new InvitePanel(
      this.ctx,
      () => this.person,
      (position) => this.forms.reload(position),
    );
    const parts: HTMLElement[] = [this.invite.el];
    if (claims.role === 'incharge') {
      const role = changeRoleForm(this.ctx, this.forms, person);
      this.updates.push(role.update);
      parts.push(role.el);
    }
    parts.push(revokeForm(this.ctx, this.forms, person));
    this.actions.replaceChildren(...parts);
  }
}
