import { z } from 'zod';
import { expectAnswer, type Answer, type ApiHarness } from '../support/apiHarness';

/** The harness's clock starts on 1 June 2018: this drive is open then, for the month. */
export const WINDOW = { startsAt: '2018-06-01T00:00:00.000Z', endsAt: '2018-07-01T00:00:00.000Z' };
export const TARGETS = { 'cg-bastar': 4, 'cg-raipur': 10 };

export const person = (n: number) => ({ name: `सुनीता नेताम ${n}`, phone: `98123${String(n).padStart(5, '0')}` });

/** What the board answers (checked whole: a stray field would be a leak). */
export const DriveBoardSchema = z.strictObject({
  position: z.string(),
  drive: z.strictObject({ id: z.string(), title: z.string(), startsAt: z.string(), endsAt: z.string(), closed: z.boolean(), version: z.number() }),
  total: z.number(),
  target: z.number(),
  percent: z.number(),
  byUnit: z.record(z.string(), z.strictObject({ enrolled: z.number(), target: z.number(), percent: z.number(), rank: z.number() })),
  byEnroller: z.array(z.strictObject({ sub: z.string(), name: z.string(), enrolled: z.number() })),
  perDay: z.array(z.strictObject({ date: z.string(), enrolled: z.number() })),
});

export const EnrolmentListSchema = z.strictObject({
  position: z.string(),
  enrolments: z.array(
    z.strictObject({
      id: z.string(),
      unit: z.string(),
      wing: z.string().optional(),
      booth: z.string().optional(),
      enrolledAt: z.string(),
      enrolledBy: z.strictObject({ sub: z.string(), name: z.string() }),
      name: z.string().optional(),
      phone: z.string().optional(),
      forgotten: z.literal(true).optional(),
      version: z.number(),
    }),
  ),
});

/** Drives and enrolments, each checked as answered. */
export function driveFixtures(h: ApiHarness) {
  return {
    async launch(id: string, targets: Record<string, number> = TARGETS): Promise<Answer> {
      return expectAnswer(await h.post('/drives', h.tokens.incharge, { id, title: `Shakti ${id}`, ...WINDOW, targets }), 201);
    },
    async enrol(driveId: string, id: string, n: number, token = h.tokens.adivasiLead, unit = 'cg-bastar'): Promise<Answer> {
      const body = { id, unit, ...person(n), wing: 'adivasi', booth: 'Booth 112', consent: true };
      return expectAnswer(await h.post(`/drives/${driveId}/enrolments`, token, body), 201);
    },
    async board(driveId: string, token = h.tokens.observer) {
      await h.tayari.reads.waitFor((await h.tayari.store.headPosition()) ?? '0', 5000);
      const res = await h.get(`/drives/${driveId}/board`, token);
      expect(res.status).toBe(200);
      return DriveBoardSchema.parse(res.body);
    },
    async list(driveId: string) {
      await h.tayari.reads.waitFor((await h.tayari.store.headPosition()) ?? '0', 5000);
      const res = await h.get(`/drives/${driveId}/enrolments`, h.tokens.incharge);
      expect(res.status).toBe(200);
      return EnrolmentListSchema.parse(res.body).enrolments;
    },
  };
}
