import { z } from 'zod';
import { AnswerSchema, expectAnswer, type ApiHarness } from '../support/apiHarness';

/** The answers of SPEC v2 "people and access", checked with zod so that tests read typed values. */
export const InvitationSchema = AnswerSchema.extend({ link: z.string(), code: z.string(), expiresAt: z.string() });
export const SessionSchema = z.strictObject({ token: z.string(), refreshToken: z.string(), expiresAt: z.string() });
export type Session = z.infer<typeof SessionSchema>;

export const DirectorySchema = z.strictObject({
  position: z.string(),
  people: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      phone: z.string().optional(),
      role: z.string(),
      wing: z.string().optional(),
      unit: z.string().optional(),
      signIn: z.string(),
    }),
  ),
});

/** Adds a person as the in-charge and waits until the read models know them. */
export async function addPerson(h: ApiHarness, body: Record<string, unknown>, token = h.tokens.incharge): Promise<string> {
  const answer = expectAnswer(await h.post('/people', token, body), 201);
  await h.tayari.reads.waitFor(answer.position, 5000);
  return answer.id;
}

export async function invite(h: ApiHarness, personId: string, token = h.tokens.incharge, headers: Record<string, string> = {}) {
  const res = await h.post(`/people/${personId}/invite`, token, {}, headers);
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${res.text}`);
  return InvitationSchema.parse(res.body);
}

export async function redeem(h: ApiHarness, code: string): Promise<Session> {
  const res = await h.post('/auth/redeem', undefined, { code });
  if (res.status !== 200) throw new Error(`redeem: ${res.status} ${res.text}`);
  return SessionSchema.parse(res.body);
}

/** Waits until the read models have caught up with everything appended so far. */
export async function settled(h: ApiHarness): Promise<void> {
  const head = await h.tayari.store.headPosition();
  if (head !== undefined) await h.tayari.reads.waitFor(head, 5000);
}
