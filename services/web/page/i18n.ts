/** Every label on the page, in English and Hindi (messagesEn.ts, messagesHi.ts; sign-in and people: messagesPeople*.ts); `{name}` marks a value filled in by t(). */
import { en, type MessageKey } from './messagesEn';
import { hi } from './messagesHi';

export type { MessageKey };
export type Lang = 'en' | 'hi';

const messages: Record<Lang, Record<MessageKey, string>> = { en, hi };

/** `?lang=hi|en` wins; else the browser's first language that is Hindi or English; else English. */
export function detectLang(search: string, languages: readonly string[]): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'hi' || asked === 'en') return asked;
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'hi' || base === 'en') return base;
  }
  return 'en';
}

export function t(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return messages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
