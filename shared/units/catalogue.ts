import type { Unit } from './events';

/** Chhattisgarh, the state unit Tayari ships with. */
export const STATE_UNIT: Unit = { code: 'cg', name: { en: 'Chhattisgarh', hi: 'छत्तीसगढ़' }, kind: 'state' };

/** [code suffix, English, Hindi]: the state's 33 districts. */
const DISTRICTS: readonly (readonly [string, string, string])[] = [
  ['balod', 'Balod', 'बालोद'],
  ['baloda-bazar', 'Baloda Bazar', 'बलौदाबाजार'],
  ['balrampur', 'Balrampur', 'बलरामपुर'],
  ['bastar', 'Bastar', 'बस्तर'],
  ['bemetara', 'Bemetara', 'बेमेतरा'],
  ['bijapur', 'Bijapur', 'बीजापुर'],
  ['bilaspur', 'Bilaspur', 'बिलासपुर'],
  ['dantewada', 'Dantewada', 'दंतेवाड़ा'],
  ['dhamtari', 'Dhamtari', 'धमतरी'],
  ['durg', 'Durg', 'दुर्ग'],
  ['gariaband', 'Gariaband', 'गरियाबंद'],
  ['gaurela-pendra-marwahi', 'Gaurela-Pendra-Marwahi', 'गौरेला-पेंड्रा-मरवाही'],
  ['janjgir-champa', 'Janjgir-Champa', 'जांजगीर-चांपा'],
  ['jashpur', 'Jashpur', 'जशपुर'],
  ['kabirdham', 'Kabirdham', 'कबीरधाम'],
  ['kanker', 'Kanker', 'कांकेर'],
  ['khairagarh-chhuikhadan-gandai', 'Khairagarh-Chhuikhadan-Gandai', 'खैरागढ़-छुईखदान-गंडई'],
  ['kondagaon', 'Kondagaon', 'कोंडागांव'],
  ['korba', 'Korba', 'कोरबा'],
  ['koriya', 'Koriya', 'कोरिया'],
  ['mahasamund', 'Mahasamund', 'महासमुंद'],
  ['manendragarh-chirmiri-bharatpur', 'Manendragarh-Chirmiri-Bharatpur', 'मनेंद्रगढ़-चिरमिरी-भरतपुर'],
  ['mohla-manpur-ambagarh-chowki', 'Mohla-Manpur-Ambagarh Chowki', 'मोहला-मानपुर-अंबागढ़ चौकी'],
  ['mungeli', 'Mungeli', 'मुंगेली'],
  ['narayanpur', 'Narayanpur', 'नारायणपुर'],
  ['raigarh', 'Raigarh', 'रायगढ़'],
  ['raipur', 'Raipur', 'रायपुर'],
  ['rajnandgaon', 'Rajnandgaon', 'राजनांदगांव'],
  ['sakti', 'Sakti', 'सक्ती'],
  ['sarangarh-bilaigarh', 'Sarangarh-Bilaigarh', 'सारंगढ़-बिलाईगढ़'],
  ['sukma', 'Sukma', 'सुकमा'],
  ['surajpur', 'Surajpur', 'सूरजपुर'],
  ['surguja', 'Surguja', 'सरगुजा'],
];

/** The units Tayari ships with: the state and its districts (codes `cg-<district>`); in-charges register more. */
export const DEFAULT_UNITS: readonly Unit[] = [
  STATE_UNIT,
  ...DISTRICTS.map(([code, en, hi]): Unit => ({ code: `cg-${code}`, name: { en, hi }, kind: 'district', parent: STATE_UNIT.code })),
];
