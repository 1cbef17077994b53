import type { z } from 'zod';
import { WingSchema } from './events';

/** POST /api/wings */
export const RegisterWingBody = WingSchema;
export type RegisterWing = { type: 'RegisterWing' } & z.infer<typeof RegisterWingBody>;
export type WingCommand = RegisterWing;
