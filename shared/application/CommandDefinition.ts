import type { z } from 'zod';
import type { Actor } from '../common/actor';
import type { Keyring } from '../common/Keyring';
import type { KeyVault } from '../drives/vault/KeyVault';
import { InvalidBody } from './InvalidBody';
import type { Permission } from '../access/policy';
import type { CommandAnswer, CommandBus, CommandMeta, IdempotencyRequest, Outcome } from './CommandBus';
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
  /** Keys derived from the server's secret, for commands that mint secrets. */
  keys: Keyring;
  /** Keys of personal data held outside the events (enrolments), deleted to forget. */
  vault: KeyVault;
  now: () => Date;
}

/** A command that follows from another: which, on what, with which body (as a client would send it). */
export interface FollowUp {
  name: string;
  params: Record<string, string>;
  body: unknown;
}

export interface FollowUpInput {
  params: Record<string, string>;
  /** The body as sent (parse it with the command's schema to read it). */
  body: unknown;
  answer: CommandAnswer;
  bus: CommandBus;
}

/** What a command that minted a secret may add to its answer, made again from the answer on a retry. */
export interface RevealInput {
  params: Record<string, string>;
  answer: CommandAnswer;
  keys: Keyring;
  bus: CommandBus;
  /** Where the service is reached (scheme, host), for links. */
  origin: string;
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
  /** Answer fields beyond `{id, version, position}` (an invitation's link); never stored, made again on a replay. */
  reveal?(input: RevealInput): Promise<Record<string, unknown>>;
  /**
   * Commands that follow from this one once it is accepted (a decision's task), run by the
   * application as the same person after every answer, a replay included, so that a retry completes
   * what a crash interrupted; each must be safe to run again (ids derived from the first command).
   */
  followUps?(input: FollowUpInput): Promise<FollowUp[]>;
  /**
   * For commands each of which touches streams of its own (an enrolment: its phone's): the lane an
   * item of a batch runs in. Consecutive items of such commands run side by side (their appends and
   * key writes share commits), items of one lane in order; without it, items run one after another.
   */
  batchLane?(params: Record<string, string>, body: unknown): string;
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
