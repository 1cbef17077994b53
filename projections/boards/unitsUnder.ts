import { DEFAULT_UNITS } from '@tayari/shared/units/catalogue';
import type { Unit } from '@tayari/shared/units/events';

/** A unit and every unit under it (its districts, their blocks and cities), by code; empty for an unknown code. */
export function unitsUnder(code: string, registered: Iterable<Unit>): ReadonlySet<string> {
  const units = [...DEFAULT_UNITS, ...registered];
  const within = new Set<string>();
  if (!units.some((unit) => unit.code === code)) return within;
  within.add(code);
  // Parents come before their children in the catalogue and in registration order, but a pass per
  // level keeps this right whatever the order.
  for (let grew = true; grew; ) {
    grew = false;
    for (const unit of units) {
      if (unit.parent !== undefined && within.has(unit.parent) && !within.has(unit.code)) {
        within.add(unit.code);
        grew = true;
      }
    }
  }
  return within;
}
