import { t, type Lang } from '../i18n';
import type { WingCatalogue } from '../WingCatalogue';
import { reportText } from './reportText';
import type { Sent } from './sendOrQueue';

/** What to say after a change was sent, kept or refused (all but success, which each view words itself). */
export function sentWords(lang: Lang, wings: WingCatalogue, sent: Exclude<Sent, { kind: 'ok' }>): { text: string; error: boolean } {
  switch (sent.kind) {
    case 'queued':
      return { text: t(lang, 'queued'), error: false };
    case 'settled':
      return { text: reportText(lang, wings, sent.report), error: sent.report.kind !== 'saved' };
    case 'conflict':
      return { text: t(lang, 'conflict'), error: true };
    case 'forbidden':
      return { text: t(lang, 'forbidden'), error: true };
    case 'refused':
      return { text: t(lang, 'refused', { detail: sent.detail }), error: true };
    case 'unauthorized':
      return { text: t(lang, 'badToken'), error: true };
    case 'failed':
      return { text: t(lang, 'sendFailed'), error: true };
  }
}
