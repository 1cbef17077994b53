import { setText } from '../../dom';
import { t, type MessageKey } from '../../i18n';
import { instantOf, zoneName } from '../../zonedTime';
import type { PageContext } from '../PageContext';
import { Field } from './CommandForm';
import { whenBox } from './controls';

/** A date-time field labelled with the zone it is read in ("Starts (IST)"), and its value as an instant. */
export class TimeField extends Field {
  constructor(
    private readonly ctx: PageContext,
    name: string,
    private readonly labelKey: MessageKey,
    required: boolean,
    path = name,
  ) {
    super(name, '', whenBox(), required, path);
  }

  /** The label names the zone; called when the zone is known (it comes with the board). */
  zone(timeZone: string | undefined): void {
    const label = this.el.querySelector('label');
    if (label) setText(label, t(this.ctx.lang, this.labelKey, { zone: zoneName(timeZone, this.ctx.lang) }));
  }

  /** The instant, or the text as typed when it is not one (the API then says what is wrong). */
  instant(timeZone: string | undefined): string {
    return instantOf(this.value, timeZone) ?? this.value;
  }
}
