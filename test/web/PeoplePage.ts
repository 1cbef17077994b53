import type { Page } from 'playwright-core';
import { z } from 'zod';
import { BoardPage } from './BoardPage';
import type { Who } from './WebHarness';

/**
 * The page with people and sign-in (SPEC v2 "people and access"), for page.signIn and page.people:
 * the service and Chromium of BoardPage, and the people commands sent as a given role.
 */

export const InvitationSchema = z.object({ id: z.string(), position: z.string(), link: z.string(), code: z.string(), expiresAt: z.string() });
export type Invitation = z.infer<typeof InvitationSchema>;
const AnswerSchema = z.object({ id: z.string(), version: z.number(), position: z.string() });

/** What a page keeps in localStorage after a sign-in. */
export interface Kept {
  token: string | null;
  refresh: { refreshToken?: string; expiresAt?: string } | null;
}

export class PeoplePage extends BoardPage {
  private keys = 0;

  /** A command as `who`, with an Idempotency-Key, waiting until the read models have it. */
  async command(path: string, body: object, who: Who = 'incharge'): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.tokens[who]}`, 'Content-Type': 'application/json', 'Idempotency-Key': `people-web-${++this.keys}` },
      body: JSON.stringify(body),
    });
    const answer: unknown = await response.json();
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(answer)}`);
    await this.tayari.reads.waitFor(AnswerSchema.parse(answer).position, 5000);
    return answer;
  }

  async addPerson(body: { id?: string; name: string; role: string; wing?: string; phone?: string }): Promise<string> {
    return AnswerSchema.parse(await this.command('/api/people', body)).id;
  }

  async invite(personId: string): Promise<Invitation> {
    return InvitationSchema.parse(await this.command(`/api/people/${personId}/invite`, {}));
  }

  /** What `page` keeps of its sign-in. */
  kept(page: Page = this.page): Promise<Kept> {
    return page.evaluate(() => ({
      token: localStorage.getItem('tayari.token'),
      refresh: JSON.parse(localStorage.getItem('tayari.refresh') ?? 'null') as Kept['refresh'],
    }));
  }

  /** An open sign-in endpoint, as a device would call it. */
  async auth(path: 'refresh' | 'redeem', body: object): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.url}/api/auth/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
}
