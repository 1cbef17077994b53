import { DEFAULT_UNITS } from '@tayari/shared/units/catalogue';

const FIRST = [
  'Aarti',
  'Bhola',
  'Champa',
  'Dinesh',
  'Eshwari',
  'Fagu',
  'Gita',
  'Hemant',
  'Indu',
  'Jagat',
  'Kamla',
  'Lakhan',
  'Meena',
  'Nandu',
  'Pushpa',
  'Ramesh',
];
const LAST = ['Sahu', 'Verma', 'Netam', 'Markam', 'Patel', 'Yadav', 'Dhruw', 'Kashyap', 'Sinha', 'Mandavi', 'Thakur', 'Nishad'];

/** The state's districts, in the catalogue's order: where demo and bench drives set targets. */
export const DISTRICT_CODES: readonly string[] = DEFAULT_UNITS.filter((unit) => unit.kind === 'district').map((unit) => unit.code);

/**
 * A made-up worker, the same for the same index. The name says "(demo)", and the phone is in +999,
 * a country code the ITU keeps unassigned: no real person's name or number ever stands in demo or
 * bench data.
 */
export function demoWorker(index: number): { name: string; phone: string } {
  const first = FIRST[index % FIRST.length] ?? 'Demo';
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length] ?? 'Worker';
  return { name: `${first} ${last} ${index} (demo)`, phone: `+999${String(index).padStart(9, '0')}` };
}
