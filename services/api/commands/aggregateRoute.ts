import type { z } from 'zod';
import type { Aggregate } from './Aggregate';
import { commandRoute, type CommandInput, type CommandRoute, type RouteFields } from './CommandRoute';

/** Where a command goes: the stream it is decided on, the id the answer names, the command itself. */
export interface Target<C> {
  streamId: string;
  id: string;
  command: C;
}

export interface AggregateRouteDef<Body extends z.ZodType, C, E, S, X> extends RouteFields<Body> {
  aggregate: Aggregate<C, E, S, X>;
  target(input: CommandInput<z.output<Body>>): Target<NoInfer<C>>;
  /** The facts of other streams the command names (or its stream's state names). */
  context(input: CommandInput<z.output<Body>>, target: Target<NoInfer<C>>, state: NoInfer<S>): Promise<NoInfer<X>>;
  /** Object-level permission on the body (before anything is read). */
  check?(input: CommandInput<z.output<Body>>): void;
  /** Object-level permission on the stream's current state. */
  authorize?(input: CommandInput<z.output<Body>>): (state: NoInfer<S>) => void;
}

/** A command endpoint decided on one aggregate's stream: the shape every route in the table has. */
export function aggregateRoute<Body extends z.ZodType, C, E extends { type: string; data: unknown }, S, X>(
  def: AggregateRouteDef<Body, C, E, S, X>,
): CommandRoute {
  const { aggregate, target, context, check, authorize, ...fields } = def;
  return commandRoute({
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
