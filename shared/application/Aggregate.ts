import type { z } from 'zod';
import type { Decider } from '../common/decider';
import type { EventUnion } from '../events/EventUnion';
import type { CommandDefinition } from './CommandDefinition';

/**
 * An aggregate as the write side knows it: its name (the prefix of its streams, `<name>-<id>`), its
 * events (parsed on write and on read) and its decider.
 */
export interface Aggregate<Command, Event, State, Context> {
  readonly name: string;
  /** The stream of the instance `id`. */
  stream(id: string): string;
  decider: Decider<Command, Event, State, Context>;
  /** Parses one stored `{type, data}` of this aggregate's stream (events are parsed on read too). */
  events: { parse(data: unknown): Event };
  /**
   * The units a command touches (SPEC v2 "organisation units"): the thing's, and for a move the new
   * one too; undefined stands for the whole state. A person whose token names a unit acts only when
   * all lie within it. Not given: the whole state's (wings, templates).
   */
  unitsOf?(state: State, context: Context, command: Command): readonly (string | undefined)[];
}

/**
 * An aggregate defined once: its name, events, decider and commands (each with its HTTP route,
 * permission and the facts it reads). The event union is kept whole, so that the union of every
 * aggregate's events is built from the registry with its types.
 */
export type DefinedAggregate<Name extends string, U extends EventUnion, Command, State, Context> = Aggregate<Command, z.infer<U>, State, Context> & {
  readonly name: Name;
  events: U;
  commands: readonly CommandDefinition[];
};

export function defineAggregate<const Name extends string, U extends EventUnion, Command, State, Context>(definition: {
  name: Name;
  events: U;
  decider: Decider<Command, z.infer<U>, State, Context>;
  /** Its commands, given the aggregate they are decided on. */
  commands: (self: Aggregate<Command, z.infer<U>, State, Context>) => readonly CommandDefinition[];
  unitsOf?(state: State, context: Context, command: Command): readonly (string | undefined)[];
}): DefinedAggregate<Name, U, Command, State, Context> {
  const { commands, ...rest } = definition;
  const self = { ...rest, stream: (id: string) => `${definition.name}-${id}` };
  return { ...self, commands: commands(self) };
}
