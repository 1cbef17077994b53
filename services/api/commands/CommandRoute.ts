import type { z } from 'zod';
import type { Actor } from '@tayari/shared/common/actor';
import { InvalidBody } from './InvalidBody';
import type { Permission } from '../auth/policy';
import type { CommandBus, CommandMeta, IdempotencyRequest, Outcome } from './CommandBus';
import type { CommandFacts } from './CommandFacts';

/** What the HTTP edge gives every command: who, which command, and the client's preconditions. */
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

/** What every command endpoint declares, whatever runs it. */
export interface RouteFields<Body extends z.ZodType> {
  name: string;
  path: string;
  summary: string;
  body: Body;
  creates: boolean;
  /** Role-level permission, checked before the body is read; object-level checks happen in `run`. */
  permission: Permission;
}

/** One command endpoint: the single source for the router, the OpenAPI document and the permission matrix. */
export interface CommandRoute extends RouteFields<z.ZodType> {
  /** Parses the raw body (a ZodError means 400) and executes the command. */
  run(input: CommandInput<unknown>): Promise<Outcome>;
}

export function commandRoute<Body extends z.ZodType>(
  route: RouteFields<Body> & { run(input: CommandInput<z.output<Body>>): Promise<Outcome> },
): CommandRoute {
  return {
    ...route,
    run(input) {
      const parsed = route.body.safeParse(input.body);
      if (!parsed.success) throw new InvalidBody(parsed.error);
      return route.run({ ...input, body: parsed.data });
    },
  };
}
