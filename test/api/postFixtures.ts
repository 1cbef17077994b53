import { expectAnswer, type Answer, type ApiHarness } from '../support/apiHarness';

/** A post's title in both languages, from a short English name. */
export const titleOf = (en: string) => ({ en, hi: `${en} (हिंदी)` });

/** Posts and nominations made by the in-charge (or a given token), each checked as answered. */
export function postFixtures(h: ApiHarness) {
  const as = (token?: string) => token ?? h.tokens.incharge;
  return {
    /** `wing: null`: a post of no wing. */
    async post(id: string, unit = 'cg-bastar', wing: string | null = 'adivasi', token?: string): Promise<Answer> {
      const body = { id, unit, title: titleOf(`Post ${id}`), ...(wing === null ? {} : { wing }) };
      return expectAnswer(await h.post('/posts', as(token), body), 201);
    },
    async propose(postId: string, id: string, token?: string): Promise<Answer> {
      return expectAnswer(await h.post(`/posts/${postId}/nominations`, as(token), { id, nominee: `Nominee ${id}`, proposedBy: 'Block president' }), 201);
    },
    async recommend(id: string, token?: string): Promise<Answer> {
      return expectAnswer(await h.post(`/nominations/${id}/recommend`, as(token), {}), 200);
    },
    async approve(id: string): Promise<Answer> {
      return expectAnswer(await h.post(`/nominations/${id}/approve`, as(), {}), 200);
    },
    async decline(id: string): Promise<Answer> {
      return expectAnswer(await h.post(`/nominations/${id}/decline`, as(), { reason: 'not a member' }), 200);
    },
    async appoint(postId: string, nominationId: string): Promise<Answer> {
      return expectAnswer(await h.post(`/posts/${postId}/appoint`, as(), { nominationId }), 200);
    },
    /** A nomination taken through to approved. */
    async approved(postId: string, id: string): Promise<Answer> {
      await this.propose(postId, id);
      await this.recommend(id);
      return this.approve(id);
    },
  };
}
