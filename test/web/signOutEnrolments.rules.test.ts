import type { ApiClient } from '../../services/web/page/api';
import { FieldSync } from '../../services/web/page/FieldSync';
import { Outbox } from '../../services/web/page/outbox/Outbox';
import type { QueueDb } from '../../services/web/page/outbox/queueDb';
import type { QueuedChange } from '../../services/web/page/outbox/QueuedChange';

/** Signing out with enrolments still queued (they hold workers' names and phones): asked first, dropped if agreed. */

const change = (key: string, seq: number, path: string, body: object): QueuedChange => ({ key, by: 'me', seq, path, body, at: '2026-12-02T10:00:00.000Z' });
const enrolment = (key: string, seq: number) =>
  change(key, seq, '/api/drives/shakti-1/enrolments', { unit: 'cg-bastar', name: 'Worker', phone: '9812345678', consent: true });
const note = (key: string, seq: number) => change(key, seq, '/api/tasks/k1/notes', { text: 'n' });

function memoryDb(initial: QueuedChange[]): QueueDb & { held: Map<string, QueuedChange> } {
  const held = new Map(initial.map((c) => [c.key, c]));
  return { held, all: async () => [...held.values()], put: async (c) => void held.set(c.key, c), remove: async (k) => void held.delete(k) };
}

// Neither sends nor reads anything here.
const api = {} as ApiClient;

describe('queued enrolments at sign-out', () => {
  it('counts the queued enrolments and drops only them, from the queue and from its store', async () => {
    const db = memoryDb([enrolment('e1', 1), note('n1', 2), enrolment('e2', 3)]);
    const outbox = new Outbox(api, 'me', Promise.resolve(db), () => undefined);
    await outbox.ready;
    expect(outbox.enrolments).toBe(2);
    await outbox.dropEnrolments();
    expect(outbox.enrolments).toBe(0);
    expect(outbox.waiting).toBe(1);
    expect([...db.held.keys()]).toEqual(['n1']);
  });

  describe('the sign-out question', () => {
    const asked: string[] = [];
    let answer = false;
    beforeAll(() => {
      // The page's globals FieldSync uses (its board cache listens for 'offline'; the question is a confirm).
      Object.assign(globalThis, {
        addEventListener: () => undefined,
        confirm: (question: string) => {
          asked.push(question);
          return answer;
        },
      });
    });
    afterAll(() => {
      Reflect.deleteProperty(globalThis, 'confirm');
      Reflect.deleteProperty(globalThis, 'addEventListener');
    });
    beforeEach(() => {
      asked.length = 0;
    });

    /** A FieldSync whose outbox holds `queued` (its own store is the in-memory one without IndexedDB). */
    async function fieldWith(queued: QueuedChange[]): Promise<FieldSync> {
      const field = new FieldSync(api, 'me', () => undefined);
      await field.outbox.ready;
      for (const { key, path, body, at } of queued) await field.outbox.add({ key, path, body, at });
      return field;
    }

    it('is not asked when no enrolment waits', async () => {
      const field = await fieldWith([note('n1', 1)]);
      expect(field.mayForget('en')).toBe(true);
      expect(asked).toEqual([]);
    });

    it('stays signed in, enrolments kept, when the person declines', async () => {
      answer = false;
      const field = await fieldWith([enrolment('e1', 1), enrolment('e2', 2)]);
      expect(field.mayForget('en')).toBe(false);
      expect(asked).toEqual([expect.stringMatching(/^2 enrolments have not been sent yet/)]);
      await field.forget();
      expect(field.outbox.enrolments).toBe(2);
    });

    it('drops them at sign-out when the person agrees', async () => {
      answer = true;
      const field = await fieldWith([enrolment('e1', 1), note('n1', 2)]);
      expect(field.mayForget('hi')).toBe(true);
      expect(asked).toEqual([expect.stringMatching(/^1 नामांकन/)]);
      await field.forget();
      expect(field.outbox.enrolments).toBe(0);
      expect(field.outbox.waiting).toBe(1);
    });
  });
});
