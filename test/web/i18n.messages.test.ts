import { detectLang, t, type MessageKey } from '../../services/web/page/i18n';
import { en } from '../../services/web/page/messagesEn';
import { hi } from '../../services/web/page/messagesHi';

const DEVANAGARI = /[\u0900-\u097F]/;

describe('the page in two languages', () => {
  it('has every label in Hindi, in Devanagari where it is words', () => {
    const keys: MessageKey[] = [
      'conflict',
      'readinessTitle',
      'atRisk',
      'status_todo',
      'status_in_progress',
      'status_blocked',
      'status_done',
      'connReconnecting',
      'connAsOf',
      'reasonRequired',
      'sendFailed',
    ];
    for (const key of keys) {
      expect(t('hi', key)).toMatch(DEVANAGARI);
      expect(t('en', key)).not.toMatch(DEVANAGARI);
    }
  });

  it('has every label of the page in Hindi words, with the same placeholders as in English', () => {
    // Labels that are names or pure layout in either language.
    const same = new Set<string>(['otherLanguage', 'signedInAs']);
    for (const key of Object.keys(en) as MessageKey[]) {
      if (!same.has(key)) expect([key, hi[key]]).toEqual([key, expect.stringMatching(DEVANAGARI)]);
      const slots = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect([key, slots(hi[key])]).toEqual([key, slots(en[key])]);
    }
  });

  it('says "changed by someone else" in both languages', () => {
    expect(t('en', 'conflict')).toMatch(/^Changed by someone else/);
    expect(t('hi', 'conflict')).toContain('किसी और ने इसे बदल दिया है');
  });

  it('fills values in, and leaves unknown placeholders visible', () => {
    expect(t('en', 'percentReady', { percent: 42 })).toBe('42% ready');
    expect(t('hi', 'percentReady', { percent: 42 })).toBe('42% तैयार');
    expect(t('en', 'percentReady')).toBe('{percent}% ready');
  });

  it('takes ?lang= first, then the browser’s languages, else English', () => {
    expect(detectLang('?lang=hi', ['en-IN'])).toBe('hi');
    expect(detectLang('?lang=en', ['hi-IN'])).toBe('en');
    expect(detectLang('?lang=fr', ['hi-IN', 'en'])).toBe('hi');
    expect(detectLang('', ['mr-IN', 'en-GB'])).toBe('en');
    expect(detectLang('', ['ta-IN'])).toBe('en');
  });
});
