import { h } from '../../dom';

/** A one-line text box for a form (free text the API trims; `maxlength` as the API allows). */
export const textBox = (maxlength = 200, value = '') => h('input', { type: 'text', maxlength, autocomplete: 'off', value });

/** A date and time, read in the programme's zone (zonedTime.ts). */
export const whenBox = () => h('input', { type: 'datetime-local' });

export interface Choice {
  value: string;
  label: string;
}

/** Sets a select's choices, keeping what was chosen when it is still offered; refilled only when they changed. */
export function fillSelect(select: HTMLSelectElement, choices: readonly Choice[]): void {
  const signature = choices.map((c) => `${c.value}=${c.label}`).join('|');
  if (select.dataset.choices === signature) return;
  select.dataset.choices = signature;
  const chosen = select.value;
  select.replaceChildren(...choices.map((c) => h('option', { value: c.value }, c.label)));
  if (choices.some((c) => c.value === chosen)) select.value = chosen;
}
