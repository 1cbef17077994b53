import type { Clock } from '@tayari/shared/common/clock';
import type { EventStore, Position } from '@tayari/shared/eventstore/EventStore';
import { requireRole } from '@tayari/api/auth/policy';
import { CommandBus } from '@tayari/api/commands/CommandBus';
import { commandRoutes } from '@tayari/api/commands/commandRoutes';
import { CommandFacts } from '@tayari/api/commands/CommandFacts';
import { demoPlan } from './demoPlan';
import { demoScript, type DemoCall } from './demoScript';
import { demoTimes } from './demoTimes';

export interface DemoLoaded {
  /** Commands issued (0 when the store was not empty). */
  commands: number;
  /** Events in the store afterwards: all of them the demo's. */
  events: number;
}

/**
 * Loads the demo programmes into an empty store, through the same command routes as the HTTP API
 * (role check, body validation, deciders, parse on write), so every demo event is one a user could
 * have caused. Does nothing when the store holds any event.
 */
export async function loadDemo({ store, clock }: { store: EventStore; clock: Clock }): Promise<DemoLoaded> {
  if ((await store.headPosition()) !== undefined) return { commands: 0, events: 0 };
  const bus = new CommandBus({ store, clock });
  const facts = new CommandFacts(bus);
  const calls = demoScript(demoPlan(demoTimes(clock.now())));
  for (const [index, call] of calls.entries()) await issue({ bus, facts }, call, `demo-${index + 1}`);
  return { commands: calls.length, events: await countEvents(store) };
}

async function issue({ bus, facts }: { bus: CommandBus; facts: CommandFacts }, call: DemoCall, commandId: string): Promise<void> {
  const route = commandRoutes.find((r) => r.name === call.route);
  if (!route) throw new Error(`the demo names a command route that does not exist: ${call.route}`);
  const { actor, params, body } = call;
  let extra = 0;
  try {
    requireRole(actor, route.permission);
    await route.run({
      params,
      body,
      actor,
      // Every created thing has a demo id; this only runs if the plan forgot one.
      newId: () => `${commandId}-${++extra}`,
      bus,
      facts,
      envelope: { meta: { actor, commandId, correlationId: 'demo' } },
    });
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
    after = page[page.length - 1].position;
  }
}
