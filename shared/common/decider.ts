/**
 * A decider is the pure heart of an aggregate: `decide` turns a command and the current state
 * (plus the facts it names, in `context`) into events or a typed refusal; `evolve` folds events.
 */
export interface Decider<Command, Event, State, Context = void> {
  initialState: State;
  decide(command: Command, state: State, context: Context): Event[];
  evolve(state: State, event: Event): State;
}

export function fold<Event, State>(decider: Pick<Decider<never, Event, State, never>, 'evolve' | 'initialState'>, events: Event[]): State {
  return events.reduce(decider.evolve, decider.initialState);
}
