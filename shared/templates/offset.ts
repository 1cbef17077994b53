import { z } from 'zod';
import { dueFrom, offsetMs } from '../contract/templateOffset';

// Shared with the page (it previews due times): shared/contract is Node-free.
export { dueFrom, offsetMs };

export const OffsetSchema = z
  .string()
  .max(24)
  .refine((offset) => offsetMs(offset) !== undefined, 'must be a duration before the start, e.g. -P3D, -PT6H or -P1DT2H30M (at most a year)');
