import { COMMANDS } from '@tayari/shared/application/aggregates';
import type { Role } from '@tayari/shared/common/actor';
import { fixtures, type Fixtures } from '../api/fixtures';
import { startApi, type ApiHarness } from '../support/apiHarness';
import { OTHER, OWN, ROLES, TABLE, TOUR, type Reach, type Side } from './permissionTable';

/**
 * The cells of the permission matrix, read off `TABLE`: every command × every role × the thing
 * belonging to the actor's own wing or to another wing, with the answer each cell expects.
 */

const allowed = (reach: Reach, side: Side) => reach === 'any-wing' || (reach === 'own-wing' && side === 'own');

export interface Cell {
  command: string;
  role: Role;
  side: Side;
  /** 200/201, or the rule of the 403: the role may never (`forbidden-<permission>`), or not on another wing. */
  expected: 200 | 201 | string;
}
export const CELLS: Cell[] = COMMANDS.flatMap((route) =>
  ROLES.flatMap((role) =>
    (['own', 'other'] as const).map((side): Cell => {
      const reach = TABLE[route.name]?.who[role] ?? 'never';
      const expected = allowed(reach, side) ? (route.creates ? 201 : 200) : reach === 'never' ? `forbidden-${route.permission}` : 'forbidden-other-wing';
      return { command: route.name, role, side, expected };
    }),
  ),
);

/** One command's cells as test.each rows: role, side, title, expected. */
export const cellRows = (command: string) =>
  CELLS.filter((c) => c.command === command).map(
    (c) => [c.role, c.side, typeof c.expected === 'number' ? c.expected : `403 ${c.expected}`, c.expected] as const,
  );

/** Sets up what the command acts on, for the own or the other wing. */
export const arrangeCell = async (f: Fixtures, command: string, side: Side, n: string) => {
  const row = TABLE[command];
  if (row === undefined) throw new Error(`${command} has no row in TABLE: say who may run it`);
  return row.arrange(f, side === 'own' ? OWN : OTHER, n);
};

/** An API with the tour that the matrix's tasks and duties live under. */
export async function startMatrixApi(): Promise<{ h: ApiHarness; f: Fixtures }> {
  const h = await startApi();
  const f = fixtures(h);
  await f.tour(TOUR);
  return { h, f };
}
