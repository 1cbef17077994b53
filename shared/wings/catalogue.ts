import type { Wing } from './events';

/** The wings Tayari ships with; in-charges can register more. */
export const DEFAULT_WINGS: readonly Wing[] = [
  { code: 'adivasi', name: { en: 'Tribal wing (Adivasi Congress)', hi: 'आदिवासी कांग्रेस' }, kind: 'morcha' },
  { code: 'youth', name: { en: 'Youth Congress', hi: 'युवा कांग्रेस' }, kind: 'morcha' },
  { code: 'mahila', name: { en: "Women's wing", hi: 'महिला कांग्रेस' }, kind: 'morcha' },
  { code: 'nsui', name: { en: "Students' wing", hi: 'एनएसयूआई' }, kind: 'morcha' },
  { code: 'seva-dal', name: { en: 'Seva Dal', hi: 'सेवा दल' }, kind: 'morcha' },
  { code: 'kisan', name: { en: "Farmers' wing", hi: 'किसान कांग्रेस' }, kind: 'morcha' },
  { code: 'sc', name: { en: 'Scheduled Castes department', hi: 'अनुसूचित जाति विभाग' }, kind: 'department' },
  { code: 'obc', name: { en: 'Backward Classes department', hi: 'पिछड़ा वर्ग विभाग' }, kind: 'department' },
  { code: 'minority', name: { en: 'Minority department', hi: 'अल्पसंख्यक विभाग' }, kind: 'department' },
  { code: 'it-cell', name: { en: 'IT and social media cell', hi: 'आईटी सेल' }, kind: 'cell' },
  { code: 'data', name: { en: 'Data analytics department', hi: 'डाटा एनालिटिक्स विभाग' }, kind: 'department' },
  { code: 'media', name: { en: 'Communications department', hi: 'संचार विभाग' }, kind: 'department' },
];
