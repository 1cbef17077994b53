import type { ApiClient } from '../../api';
import type { Lang } from '../../i18n';
import type { UnitNode, UnitsPayload } from '../../types';

/** Every unit's name in both languages and how deep it sits, by code, in the tree's order (each unit before those under it). */
export type UnitNames = ReadonlyMap<string, { en: string; hi: string; depth: number }>;

/** Read once per page load: the catalogue changes rarely (a registered block), and a reload brings it in. */
let loaded: Promise<UnitNames> | undefined;

/** The units of GET /api/units, by code (district names in the page's language, people's units indented by depth). */
export function unitNames(api: ApiClient): Promise<UnitNames> {
  loaded ??= api.get<UnitsPayload>('/api/units').then(({ units }) => {
    const names = new Map<string, { en: string; hi: string; depth: number }>();
    const walk = (nodes: readonly UnitNode[], depth: number) => {
      for (const node of nodes) {
        names.set(node.code, { ...node.name, depth });
        walk(node.children, depth + 1);
      }
    };
    walk(units, 0);
    return names;
  });
  // A failed read is tried again by the next view that asks.
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

/** A unit's name in `lang`, or its code while the names are not known. */
export const unitName = (names: UnitNames | undefined, code: string, lang: Lang) => names?.get(code)?.[lang] ?? code;
