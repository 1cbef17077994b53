import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import { z } from 'zod';
import { NameSchema } from '../common/text';

/** What a drive keeps of a person, sealed: never in an event, a row or a log in clear. */
export const PersonalDataSchema = z.strictObject({ name: NameSchema, phone: z.string().max(16) });
export type PersonalData = z.infer<typeof PersonalDataSchema>;

/** CSPRNG output drawn 4 KiB at a time: a burst's keys and IVs cost one call into it, not one each. */
const pool = Buffer.alloc(4096);
let drawn = pool.length;

function randomBytesPooled(size: number): Buffer {
  if (drawn + size > pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  const bytes = Buffer.from(pool.subarray(drawn, drawn + size));
  // Handed out once: a key's bytes do not stay behind in the pool.
  pool.fill(0, drawn, drawn + size);
  drawn += size;
  return bytes;
}

/** A fresh AES-256 key (one per enrolment). */
export const newDataKey = (): Buffer => randomBytesPooled(32);

/**
 * AES-256-GCM with a random 96-bit IV; `context` (drive and enrolment ids) is authenticated, so sealed
 * data copied onto another enrolment does not open.
 */
export function seal(key: Buffer, context: string, data: PersonalData): string {
  const iv = randomBytesPooled(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The person, or undefined when the key is not this data's or the data was altered. */
export function unseal(key: Buffer, context: string, sealed: string): PersonalData | undefined {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    const parsed = PersonalDataSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What sealed data is bound to. */
export const sealContext = (driveId: string, enrolmentId: string): string => `enrolment:${driveId}:${enrolmentId}`;
