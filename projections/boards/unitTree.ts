import { DEFAULT_UNITS } from '@tayari/shared/units/catalogue';
import type { Unit } from '@tayari/shared/units/events';
import type { Position, UnitNode, UnitsPayload } from './types';

/**
 * GET /api/units: the default units and the registered ones as a tree (the state at the root),
 * children by English name. A unit whose parent is unknown is left out (the decider refuses one).
 */
export function unitTree(registered: Iterable<Unit>, position: Position): UnitsPayload {
  const units = [...DEFAULT_UNITS, ...registered];
  const children = new Map<string, Unit[]>();
  for (const unit of units) {
    if (unit.parent === undefined) continue;
    let list = children.get(unit.parent);
    if (!list) children.set(unit.parent, (list = []));
    list.push(unit);
  }
  const node = (unit: Unit): UnitNode => ({
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    children: (children.get(unit.code) ?? []).sort((a, b) => (a.name.en < b.name.en ? -1 : a.name.en > b.name.en ? 1 : 0)).map(node),
  });
  return { position, units: units.filter((unit) => unit.parent === undefined).map(node) };
}
