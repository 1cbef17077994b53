import type { Actor } from '@tayari/shared/common/actor';
import type { Clock } from '@tayari/shared/common/clock';
import type { EventStore, Position } from '@tayari/shared/eventstore/EventStore';
import { Application } from '@tayari/shared/application/Application';
import { randomIdGenerator } from '@tayari/shared/common/ids';
import { demoPlan } from './demoPlan';
import { demoScript } from './demoScript';
import { demoTimes } from './demoTimes';

export interface DemoLoaded {
  /** Commands issued (0 when the store was not empty). */
  commands: number;
  /** Events in the store afterwards: all of them the demo's. */
  events: number;
}

/**
 * Loads the demo programmes into an empty store, through the same application layer as the HTTP API
 * (role check, body validation, deciders, parse on write), so every demo event is one a user could
 * have caused. Does nothing when the store holds any event. (The drive comes after: `loadDemoDrive`.)
 */
export async function loadDemo({ store, clock }: { store: EventStore; clock: Clock }): Promise<DemoLoaded> {
  if ((await store.headPosition()) !== undefined) return { commands: 0, events: 0 };
  const app = new Application({ store, clock, ids: randomIdGenerator });
  const calls = demoScript(demoPlan(demoTimes(clock.now())));
  for (const [index, call] of calls.entries()) await issueDemo(app, call, `demo-${index + 1}`);
  return { commands: calls.length, events: await countEvents(store) };
}

/** One demo command as its actor; a refusal is the demo's bug, thrown with what was refused. */
export async function issueDemo(
  app: Application,
  call: { route: string; params: Record<string, string>; body: unknown; actor: Actor },
  commandId: string,
): Promise<void> {
  const { actor, params, body } = call;
  let extra = 0;
  try {
    await app.handle(
      { name: call.route, params, body },
      // Every created thing has a demo id; `newId` only runs if the plan forgot one.
      { actor, commandId, newId: () => `${commandId}-${++extra}`, correlationId: 'demo' },
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`demo command ${commandId} (${call.route} ${JSON.stringify(params)}) was refused: ${detail}`, { cause: error });
  }
}

async function countEvents(store: EventStore): Promise<number> {
  const PAGE = 1000;
  let count = 0;
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll(after, PAGE);
    count += page.length;
    if (page.length < PAGE) return count;
    after = page.at(-1)?.position;
  }
}
