import type { z } from 'zod';
import type { Aggregate } from './Aggregate';
import { defineCommand, type CommandDefinition, type CommandFields, type CommandInput } from './CommandDefinition';

/** Where a command goes: the stream it is decided on, the id the answer names, the command itself. */
export interface Target<C> {
  streamId: string;
  id: string;
  command: C;
}

export interface AggregateCommandDefinition<Body extends z.ZodType, C, S, X> extends CommandFields<Body> {
  target(input: CommandInput<z.output<Body>>): Target<NoInfer<C>>;
  /** The facts of other streams the command names (or its stream's state names). */
  context(input: CommandInput<z.output<Body>>, target: Target<NoInfer<C>>, state: NoInfer<S>): Promise<NoInfer<X>>;
  /** Object-level permission on the body (before anything is read). */
  check?(input: CommandInput<z.output<Body>>): void;
  /** Object-level permission on the stream's current state. */
  authorize?(input: CommandInput<z.output<Body>>): (state: NoInfer<S>) => void;
}

/** A command decided on one aggregate's stream: the shape every command of every aggregate has. */
export function aggregateCommand<Body extends z.ZodType, C, E extends { type: string; data: unknown }, S, X>(
  aggregate: Aggregate<C, E, S, X>,
  def: AggregateCommandDefinition<Body, NoInfer<C>, NoInfer<S>, NoInfer<X>>,
): CommandDefinition {
  const { target, context, check, authorize, ...fields } = def;
  return defineCommand({
    ...fields,
    run(input) {
      check?.(input);
      const t = target(input);
      return input.bus.execute({
        ...input.envelope,
        ...t,
        aggregate,
        creates: fields.creates,
        context: (state, reads) => context({ ...input, facts: input.facts.recording(reads) }, t, state),
        authorize: authorize?.(input),
      });
    },
  });
}
