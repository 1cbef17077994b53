import { PhoneSchema } from '../common/phone';
import { normalisePhone } from './phone';

describe('normalisePhone', () => {
  it('writes an Indian mobile as people write it in E.164', () => {
    expect(normalisePhone('98123 45678')).toBe('+919812345678');
    expect(normalisePhone('098123-45678')).toBe('+919812345678');
    expect(normalisePhone('+91 98123 45678')).toBe('+919812345678');
  });

  it('refuses what the server refuses: an Indian number not starting 6–9, 91 without its +, too short', () => {
    expect(normalisePhone('+91 12345 67890')).toBeUndefined();
    expect(normalisePhone('919812345678')).toBeUndefined();
    expect(normalisePhone('5812345678')).toBeUndefined();
    expect(normalisePhone('+1234')).toBeUndefined();
  });

  it('takes another country with its +code', () => {
    expect(normalisePhone('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('is the rule PhoneSchema applies', () => {
    expect(PhoneSchema.parse('98123 45678')).toBe('+919812345678');
    expect(PhoneSchema.safeParse('919812345678').success).toBe(false);
  });
});
