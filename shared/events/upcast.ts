/**
 * Old event shapes are upcast on read, never rewritten. Each entry turns `{type, data}` written
 * under metadata.schema = N into the shape of N + 1. None exist yet: v1 is the only shape.
 */
type Upcaster = (event: { type: string; data: unknown }) => { type: string; data: unknown };

export const UPCASTERS: Record<number, Upcaster> = {};
export const CURRENT_SCHEMA = 1;

export function upcast(event: { type: string; data: unknown }, schema: number): { type: string; data: unknown } {
  let current = event;
  for (let version = schema; version < CURRENT_SCHEMA; version++) {
    const step = UPCASTERS[version];
    if (step) current = step(current);
  }
  return current;
}
