import type { BoardName } from '@tayari/projections/BoardSource';
import { IdSchema } from '@tayari/shared/common/ids';
import { WingCodeSchema } from '@tayari/shared/wings/events';

/** A board name as SPEC.md spells it, or undefined: ids and wing codes follow the API's own rules. */
export function parseBoardName(name: string): BoardName | undefined {
  if (name === 'readiness' || name === 'attention' || name === 'posts') return name;
  const colon = name.indexOf(':');
  if (colon < 0) return undefined;
  const kind = name.slice(0, colon);
  const key = name.slice(colon + 1);
  if (kind === 'programme' && IdSchema.safeParse(key).success) return `programme:${key}`;
  if (kind === 'wing' && WingCodeSchema.safeParse(key).success) return `wing:${key}`;
  if (kind === 'drive' && IdSchema.safeParse(key).success) return `drive:${key}`;
  return undefined;
}
