import type { Actor } from '../common/actor';
import type { UnitsState } from '../units/decider';
import { Forbidden } from './Forbidden';

/**
 * Whether a thing of `unit` lies within `scope` (a unit and the units under it). A thing without a
 * unit is the whole state's: within a scope only when that scope is the state itself.
 */
export function withinUnit(units: UnitsState, scope: string, unit: string | undefined): boolean {
  if (unit === undefined) return units.get(scope)?.parent === undefined && units.has(scope);
  for (let code: string | undefined = unit, hops = 0; code !== undefined && hops < 16; hops++) {
    if (code === scope) return true;
    code = units.get(code)?.parent;
  }
  return false;
}

/**
 * SPEC v2 "organisation units": a person whose token names a unit acts only within it. Each of
 * `units` (the thing's, and for a change of unit the new one too) must lie within the actor's.
 */
export function requireWithinUnit(actor: Actor, catalogue: UnitsState, units: readonly (string | undefined)[]): void {
  const scope = actor.unit;
  if (scope === undefined) return;
  for (const unit of units) {
    if (!withinUnit(catalogue, scope, unit)) {
      throw new Forbidden(
        'forbidden-other-unit',
        `this belongs to ${unit === undefined ? 'the whole state' : `unit ${unit}`}; you act for unit ${scope} and the units under it`,
      );
    }
  }
}
