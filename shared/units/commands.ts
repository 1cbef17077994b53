import type { z } from 'zod';
import { UnitSchema } from './events';

/** POST /api/units */
export const RegisterUnitBody = UnitSchema;
export type RegisterUnit = { type: 'RegisterUnit' } & z.infer<typeof RegisterUnitBody>;
export type UnitCommand = RegisterUnit;
