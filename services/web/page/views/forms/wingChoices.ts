import { t } from '../../i18n';
import type { PageContext } from '../PageContext';
import type { Choice } from './controls';

/**
 * The wings a person may act for in a form: every wing for an in-charge, their own for a wing lead
 * (README "Who may do what"); first a "choose" line when there is a choice to make.
 */
export function wingChoices(ctx: PageContext, except?: string): Choice[] {
  const { claims, lang, wings } = ctx;
  if (claims.role !== 'incharge') return claims.wing ? [{ value: claims.wing, label: wings.name(claims.wing, lang) }] : [];
  return [
    { value: '', label: t(lang, 'chooseOne') },
    ...wings
      .all()
      .filter((w) => w.code !== except)
      .map((w) => ({ value: w.code, label: w.name[lang] })),
  ];
}
