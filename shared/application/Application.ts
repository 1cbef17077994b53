import { createHash } from 'node:crypto';
import { requireRole } from '../access/policy';
import { requireWithinUnit } from '../access/unitScope';
import type { Actor } from '../common/actor';
import type { Clock } from '../common/clock';
import { NotFound, RuleViolation, Unprocessable } from '../common/errors';
import { IdSchema, type IdGenerator } from '../common/ids';
import { KeyedLock } from '../common/KeyedLock';
import { noKeyring, type Keyring } from '../common/Keyring';
import { stableJson } from '../common/stableJson';
import type { EventStore } from '../eventstore/EventStore';
import { noVault, type KeyVault } from '../drives/vault/KeyVault';
import { commandNamed } from './aggregates';
import { CommandAnswerSchema, CommandBus, type CommandAnswer } from './CommandBus';
import type { CommandDefinition } from './CommandDefinition';
import { CommandFacts } from './CommandFacts';

const DAY_MS = 24 * 60 * 60 * 1000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** One command as a client sends it: which, on what (the path's ids), with which body. */
export interface CommandCall {
  /** The command's name, e.g. `ChangeTaskStatus` (see COMMANDS). */
  name: string;
  /** The ids it acts on, named as in its path (`taskId`, `tourId`, …). */
  params: Record<string, string>;
  /** The body as received: parsed here, once. */
  body: unknown;
}

export interface HandleOptions {
  actor: Actor;
  /** The stream version the client's change must apply to (If-Match). */
  ifMatch?: number | undefined;
  /** A retry with the same key (per actor) answers as the first attempt did, for 24 hours. */
  idempotencyKey?: string | undefined;
  correlationId: string;
  /** Ids of what the command creates when the body gives none (default: the application's generator). */
  newId?: IdGenerator | undefined;
  /** The command's id, from which its event ids derive, when the caller names it (the demo does). */
  commandId?: string | undefined;
  /** Where the caller reached the service (scheme and host), for links in answers. Default: none (relative links). */
  origin?: string | undefined;
}

/** What a command came to: plain data, whoever asked (HTTP, the batch endpoint, the demo). */
export interface Handled {
  status: 200 | 201;
  answer: CommandAnswer;
  /** The answer of an earlier attempt with the same Idempotency-Key. */
  replayed: boolean;
  /** Fields a command adds to its answer (an invitation's link), made again on every answer, never stored. */
  revealed?: Record<string, unknown>;
}

export interface ApplicationDeps {
  store: EventStore;
  clock: Clock;
  ids: IdGenerator;
  /** True when no other process appends to the store (see CommandBus). */
  exclusive?: boolean | undefined;
  /** Keys derived from the server's secret; without them, commands that mint secrets fail. */
  keys?: Keyring | undefined;
  /** Where enrolment keys live; without one, enrolling is refused. */
  vault?: KeyVault | undefined;
}

/**
 * The write side's one entry: permission, parse once, idempotency, load, decide, append, answer.
 * Errors are typed (DomainError, Forbidden, InvalidBody) and become HTTP problems only at the edge.
 */
export class Application {
  readonly bus: CommandBus;
  private readonly facts: CommandFacts;
  /** Commands with one Idempotency-Key run one at a time in this process. */
  private readonly keys = new KeyedLock();

  constructor(private readonly deps: ApplicationDeps) {
    this.bus = new CommandBus({
      store: deps.store,
      clock: deps.clock,
      exclusive: deps.exclusive,
      // The unit catalogue the facts keep (the bus is made first: the check runs later, per decision).
      withinScope: async (actor, units) => requireWithinUnit(actor, await this.facts.unitsKnowing([actor.unit, ...units]), units),
    });
    this.facts = new CommandFacts(this.bus);
    this.keyring = deps.keys ?? noKeyring;
  }

  private readonly keyring: Keyring;

  async handle(call: CommandCall, options: HandleOptions): Promise<Handled> {
    const command = commandNamed(call.name);
    if (!command) throw new NotFound('unknown-command', `there is no command ${call.name}`);
    const handled = await this.decide(command, call, options);
    for (const followUp of (await command.followUps?.({ params: call.params, body: call.body, answer: handled.answer, bus: this.bus })) ?? []) {
      await this.follow(followUp, handled.answer.position, options);
    }
    const reveal = command.reveal;
    if (reveal === undefined) return handled;
    const revealed = await reveal({ params: call.params, answer: handled.answer, keys: this.keyring, bus: this.bus, origin: options.origin ?? '' });
    return { ...handled, revealed };
  }

  /**
   * A follow-up runs as the person who caused it, under a key derived from its cause and what it does, so running it
   * again (a retry of its cause) is answered, not repeated. One the state refuses or that names
   * nothing (a task made by someone else's retry, cancelled since, or never planted) is moot.
   */
  private async follow(followUp: CommandCall, cause: string, options: HandleOptions): Promise<void> {
    // The cause's position is in the key: a stop moved back to an earlier time moves its tasks again.
    const key = `follow-${sha256(`${cause}\n${followUp.name}\n${stableJson(followUp.params)}\n${stableJson(followUp.body)}`).slice(0, 40)}`;
    try {
      await this.handle(followUp, { actor: options.actor, idempotencyKey: key, correlationId: options.correlationId });
    } catch (error) {
      if (!(error instanceof RuleViolation || error instanceof NotFound)) throw error;
    }
  }

  private async decide(command: CommandDefinition, call: CommandCall, options: HandleOptions): Promise<Handled> {
    const { actor, idempotencyKey: key } = options;
    requireRole(actor, command.permission);
    for (const [name, value] of Object.entries(call.params)) {
      // An id that could never have been created names nothing.
      if (!IdSchema.safeParse(value).success) throw new NotFound('not-found', `no ${name} ${value}`);
    }
    // Parsed once, before anything else reads the body: a hostile body (20,000 nested arrays) is
    // refused here, before stableJson below recurses into it to hash it.
    const accepted = command.accept(call.body);
    /** An idempotency record lives 24 hours (SPEC). */
    const expiresAt = () => new Date(this.deps.clock.now().getTime() + DAY_MS).toISOString();
    const execute = async (idempotency?: { scoped: string; requestHash: string }) => {
      // With a key, event ids and a created id derive from the key *and* the request: a retry racing
      // its original names the same things, while the key, once expired (24 h), can name a new request.
      const scopedRequest = idempotency && `${idempotency.scoped}\n${idempotency.requestHash}`;
      const commandId = scopedRequest ? `idem-${sha256(scopedRequest).slice(0, 32)}` : (options.commandId ?? `cmd-${this.deps.ids()}`);
      const newId = scopedRequest ? () => sha256(`id:${scopedRequest}`).slice(0, 20) : (options.newId ?? this.deps.ids);
      return accepted({
        params: call.params,
        actor,
        newId,
        bus: this.bus,
        facts: this.facts,
        keys: this.keyring,
        vault: this.deps.vault ?? noVault,
        now: () => this.deps.clock.now(),
        envelope: {
          ...(options.ifMatch === undefined ? {} : { ifMatch: options.ifMatch }),
          meta: { actor, commandId, ...(key === undefined ? {} : { idempotencyKey: key }), correlationId: options.correlationId },
          ...(idempotency ? { idempotency: { key: idempotency.scoped, requestHash: idempotency.requestHash, expiresAt: expiresAt() } } : {}),
        },
      });
    };

    if (key === undefined) {
      const outcome = await execute();
      return { status: outcome.status, answer: outcome.body, replayed: false };
    }
    const scoped = `${actor.sub}:${key}`;
    const requestHash = sha256(`${command.name}\n${stableJson(call.params)}\n${stableJson(call.body)}`);
    return this.keys.run(scoped, async (): Promise<Handled> => {
      const previous = await this.deps.store.idempotency.get(scoped, this.deps.clock.now());
      if (previous) {
        if (previous.requestHash !== requestHash) throw new Unprocessable('idempotency-key-reused', 'this Idempotency-Key was used with another request');
        // A stored record is outside data like any other: checked before it is sent again.
        return { status: previous.status === 201 ? 201 : 200, answer: CommandAnswerSchema.parse(previous.body), replayed: true };
      }
      const outcome = await execute({ scoped, requestHash });
      if (!outcome.appended) {
        // Nothing was appended, so nothing stored the answer with the events: keep it now.
        await this.deps.store.idempotency.put({ key: scoped, requestHash, status: outcome.status, body: outcome.body, expiresAt: expiresAt() });
      }
      return { status: outcome.status, answer: outcome.body, replayed: false };
    });
  }
}
