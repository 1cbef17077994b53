import type { z } from 'zod';
import type { Actor } from '../common/actor';
import { InvalidBody } from './InvalidBody';
import type { Permission } from '../access/policy';
import type { CommandBus, CommandMeta, IdempotencyRequest, Outcome } from './CommandBus';
import type { CommandFacts } from './CommandFacts';

/** What every command carries besides its body: who sent it, and the client's preconditions. */
export interface CommandEnvelope {
  ifMatch?: number;
  meta: CommandMeta;
  idempotency?: IdempotencyRequest;
}

export interface CommandInput<Body> {
  params: Record<string, string>;
  body: Body;
  actor: Actor;
  /** A new id for what the command creates when the client gave none. */
  newId: () => string;
  bus: CommandBus;
  /** Reads the other streams a command names (shared by every command of the process). */
  facts: CommandFacts;
  envelope: CommandEnvelope;
}

/** What every command declares, whatever runs it (the HTTP route, the batch endpoint, the demo). */
export interface CommandFields<Body extends z.ZodType> {
  name: string;
  /** Its HTTP route (under /api); its path parameters name the ids the command acts on. */
  path: string;
  summary: string;
  body: Body;
  creates: boolean;
  /** Role-level permission, checked before the body is read; object-level checks happen in `run`. */
  permission: Permission;
}

/** A body that passed its schema, ready to run with everything else a command needs. */
export type AcceptedCommand = (input: Omit<CommandInput<unknown>, 'body'>) => Promise<Outcome>;

/** One command: the single source for the router, the OpenAPI document and the permission matrix. */
export interface CommandDefinition extends CommandFields<z.ZodType> {
  /** Parses the raw body once (InvalidBody means 400); the answer runs the command on what was parsed. */
  accept(body: unknown): AcceptedCommand;
  /** Parses the raw body and executes the command (accept, then run). */
  run(input: CommandInput<unknown>): Promise<Outcome>;
}

export function defineCommand<Body extends z.ZodType>(
  route: CommandFields<Body> & { run(input: CommandInput<z.output<Body>>): Promise<Outcome> },
): CommandDefinition {
  const accept = (body: unknown): AcceptedCommand => {
    const parsed = route.body.safeParse(body);
    if (!parsed.success) throw new InvalidBody(parsed.error);
    return (input) => route.run({ ...input, body: parsed.data });
  };
  return {
    ...route,
    accept,
    run: ({ body, ...input }) => accept(body)(input),
  };
}
