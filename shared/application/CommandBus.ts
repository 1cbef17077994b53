import { z } from 'zod';
import type { Actor } from '../common/actor';
import type { Clock } from '../common/clock';
import { Forbidden } from '../access/Forbidden';
import { ConcurrencyError, DomainError } from '../common/errors';
import { EventMetadataSchema, type EventMetadata } from '../common/metadata';
import { DomainEventSchema } from '../events/DomainEventSchema';
import { CURRENT_SCHEMA, upcastRecorded } from '../events/upcast';
import type { EventStore, ExpectedVersion } from '../eventstore/EventStore';
import { earlierAttempt } from '../eventstore/earlierAttempt';
import { eventId } from '../eventstore/eventId';
import { KeyedLock } from '../common/KeyedLock';
import type { Aggregate } from './Aggregate';
import { StreamStateCache } from './StreamStateCache';

export interface CommandMeta {
  actor: Actor;
  /** From the idempotency key (scoped to the actor) and the request, or a generated id: event ids derive from it. */
  commandId: string;
  idempotencyKey?: string;
  correlationId: string;
}

/** SPEC's answer to every accepted command; also what an idempotency record keeps and replays. */
export const CommandAnswerSchema = z.strictObject({ id: z.string(), version: z.number().int().nonnegative(), position: z.string() });
export type CommandAnswer = z.infer<typeof CommandAnswerSchema>;

export interface Outcome {
  status: 200 | 201;
  body: CommandAnswer;
  /** False when the command changed nothing and appended nothing. */
  appended: boolean;
}

export interface IdempotencyRequest {
  key: string;
  requestHash: string;
  expiresAt: string;
}

export interface CommandRequest<C, E, S, X> {
  aggregate: Aggregate<C, E, S, X>;
  streamId: string;
  command: C;
  /** The id the answer names (what was created or changed). */
  id: string;
  /** A command that creates answers 201 when it appends. */
  creates: boolean;
  /**
   * Loads the facts of other streams the command names (existence checks only). Given the stream's
   * state, since a command on an existing task or duty learns its programme from that state. The
   * version of every stream it reads goes into `reads`: the append holds only if they are unchanged.
   */
  context: (state: S, reads: StreamReads) => Promise<X>;
  /** Object-level permission check on the current state; throws to refuse. */
  authorize?: ((state: S) => void) | undefined;
  /** The client's If-Match: the stream version the command must apply to. */
  ifMatch?: number;
  meta: CommandMeta;
  idempotency?: IdempotencyRequest;
}

export interface CommandBusDeps {
  store: EventStore;
  clock: Clock;
  /**
   * True when no other process appends to this store (the embedded store holds a data lock): the
   * states this process folded are then the truth and are kept in memory instead of re-read.
   */
  exclusive?: boolean | undefined;
  /** Streams whose folded state is kept. Default 20,000. */
  cacheSize?: number;
  /**
   * Refuses (Forbidden) when the units a decision touches are not all within the actor's unit (SPEC
   * v2); asked only for actors whose token names a unit. Without it such actors are refused.
   */
  withinScope?: ((actor: Actor, units: readonly (string | undefined)[]) => Promise<void>) | undefined;
}

/** Stream → the version a decision read it at (0: it did not exist). */
export type StreamReads = Map<string, number>;

interface Loaded<S> {
  state: S;
  version: number;
  /** Undefined while the stream is empty. */
  position?: string | undefined;
}

/** How often a command without If-Match is re-decided when another writer got in first. */
const MAX_ATTEMPTS = 8;

/**
 * The write path: read one stream, fold it, decide, append with the version that was read.
 * Without If-Match a lost race is simply decided again on the newer state.
 */
export class CommandBus {
  /** Commands on one stream run one at a time in this process: they would only conflict. */
  private readonly streams = new KeyedLock();

  private readonly cache: StreamStateCache;
  /** Are this process's appends the only ones (the embedded store's data lock)? */
  private readonly exclusive: boolean;

  constructor(private readonly deps: CommandBusDeps) {
    this.cache = new StreamStateCache(deps.cacheSize ?? 20_000);
    this.exclusive = deps.exclusive ?? false;
  }

  /**
   * The folded state of a stream. When this process is the only writer, states it folded or wrote
   * are the truth and come from the cache; otherwise every decision reads the store (a cached
   * "does not exist" or "cancelled" could refuse a command that another process made valid).
   */
  async load<C, E, S, X>(aggregate: Aggregate<C, E, S, X>, streamId: string): Promise<Loaded<S>> {
    const cached = this.exclusive ? this.cache.get(streamId) : undefined;
    // The cache holds what this aggregate folded for this stream id (stream ids name their aggregate).
    if (cached) return cached as Loaded<S>;
    const recorded = await this.deps.store.readStream(streamId);
    let state = aggregate.decider.initialState;
    // Parsed (and upcast) on read as the projections do: the decision sees only shapes it knows.
    for (const r of recorded) state = aggregate.decider.evolve(state, aggregate.events.parse(upcastRecorded(r)));
    const last = recorded.at(-1);
    const loaded = { state, version: last?.version ?? 0, position: last?.position };
    if (this.exclusive) this.cache.set(streamId, loaded);
    return loaded;
  }

  /** The event a stream holds at `version` (a follow-up reads what its command appended), parsed. */
  async eventAt<C, E, S, X>(aggregate: Aggregate<C, E, S, X>, streamId: string, version: number): Promise<E | undefined> {
    const recorded = (await this.deps.store.readStream(streamId)).find((r) => r.version === version);
    return recorded && aggregate.events.parse(upcastRecorded(recorded));
  }

  async execute<C, E extends { type: string; data: unknown }, S, X>(request: CommandRequest<C, E, S, X>): Promise<Outcome> {
    return this.streams.run(request.streamId, () => this.decideAndAppend(request));
  }

  /** Other processes (API replicas on EventStoreDB) may still get in first: then decide again. */
  private async decideAndAppend<C, E extends { type: string; data: unknown }, S, X>(request: CommandRequest<C, E, S, X>): Promise<Outcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(request);
      } catch (error) {
        // Whatever went wrong (an append that failed may still have committed), read the stream again.
        this.cache.delete(request.streamId);
        // Another stream the decision read moved (a cancel, a creation with the same id): decide again
        // on what it holds now, whatever the client's If-Match said about the command's own stream.
        const otherStream = error instanceof ConcurrencyError && error.streamId !== request.streamId;
        if (otherStream) this.cache.delete(error.streamId);
        const retry = error instanceof ConcurrencyError && (request.ifMatch === undefined || otherStream) && attempt < MAX_ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  private async attempt<C, E extends { type: string; data: unknown }, S, X>(request: CommandRequest<C, E, S, X>): Promise<Outcome> {
    const { aggregate, streamId, command, meta } = request;
    const { state, version, position } = await this.load(aggregate, streamId);
    if (request.ifMatch !== undefined && request.ifMatch !== version) {
      throw new ConcurrencyError(streamId, String(request.ifMatch), String(version));
    }
    request.authorize?.(state);
    const reads: StreamReads = new Map();
    let events: E[];
    try {
      const context = await request.context(state, reads);
      if (meta.actor.unit !== undefined) await this.requireScope(meta.actor, aggregate.unitsOf?.(state, context, command) ?? []);
      events = aggregate.decider.decide(command, state, context);
    } catch (error) {
      // A keyed retry refused on the newer state (its first attempt created the id): answer as the first did.
      if (error instanceof DomainError) {
        const earlier = await this.earlierAttempt(request);
        if (earlier) return earlier;
      }
      throw error;
    }
    if (events.length === 0) {
      const earlier = await this.earlierAttempt(request);
      if (earlier) return earlier;
      const head = position ?? (await this.deps.store.headPosition()) ?? '0';
      return { status: 200, body: { id: request.id, version, position: head }, appended: false };
    }
    const metadata: EventMetadata = EventMetadataSchema.parse({
      actor: meta.actor,
      at: this.deps.clock.now().toISOString(),
      commandId: meta.commandId,
      idempotencyKey: meta.idempotencyKey,
      correlationId: meta.correlationId,
      schema: CURRENT_SCHEMA,
    });
    // Parse on write: nothing leaves the decider unchecked.
    const toAppend = events.map((e, index) => {
      const parsed = DomainEventSchema.parse(e);
      return { id: eventId(meta.commandId, index), type: parsed.type, data: parsed.data, metadata };
    });
    const expected: ExpectedVersion = version === 0 ? 'no_stream' : version;
    const status = request.creates ? 201 : 200;
    const answer = (r: { version: number; position: string }): CommandAnswer => ({ id: request.id, version: r.version, position: r.position });
    const conditions = [...reads]
      .filter(([read]) => read !== streamId)
      .map(([read, at]) => ({ streamId: read, expected: at === 0 ? ('no_stream' as const) : at }));
    const result = await this.deps.store.append(streamId, toAppend, expected, {
      ...(conditions.length > 0 ? { conditions } : {}),
      ...(request.idempotency ? { idempotency: { ...request.idempotency, status, answer: { id: request.id } } } : {}),
    });
    if (this.exclusive) this.cache.set(streamId, { state: events.reduce(aggregate.decider.evolve, state), version: result.version, position: result.position });
    return { status, body: answer(result), appended: true };
  }

  /** Every decision of an actor with a unit is checked here, whoever built the request. */
  private async requireScope(actor: Actor, units: readonly (string | undefined)[]): Promise<void> {
    if (this.deps.withinScope === undefined) throw new Forbidden('forbidden-other-unit', 'this process cannot check units: a token with a unit is refused');
    // Touching no unit in particular is touching the whole state's.
    await this.deps.withinScope(actor, units.length === 0 ? [undefined] : units);
  }

  /**
   * The first attempt of a keyed command whose idempotency record was not written (EventStoreDB keeps
   * them apart from the events; a crash between the two): its events are in the stream, found by the
   * first one's id, which derives from the key and the request. On the embedded store the record is
   * written with the events, so a retry never gets here.
   */
  private async earlierAttempt<C, E, S, X>(request: CommandRequest<C, E, S, X>): Promise<Outcome | undefined> {
    if (request.idempotency === undefined) return undefined;
    const newestFirst = (await this.deps.store.readStream(request.streamId)).reverse();
    const found = earlierAttempt(newestFirst, [{ id: eventId(request.meta.commandId, 0), type: '', data: null, metadata: null }]);
    if (found === undefined) return undefined;
    return { status: request.creates ? 201 : 200, body: { id: request.id, version: found.version, position: found.position }, appended: false };
  }
}
