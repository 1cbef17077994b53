import { z } from 'zod';
import { normalisePhone } from '../contract/phone';

export { normalisePhone };

export const PhoneSchema = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    const phone = normalisePhone(value);
    if (phone === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a phone number: 10 digits for India (starting 6–9), or +country code and number' });
      return z.NEVER;
    }
    return phone;
  });
