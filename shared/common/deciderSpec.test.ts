import { z } from 'zod';
import type { Decider } from './decider';
import { DeciderSpecFailure, deciderSpec } from './deciderSpec';
import { InvalidCommand, NotFound, RuleViolation } from './errors';

/** A counter that may not go above its context's limit, nor below zero. */
type Command = { type: 'Add'; by: number } | { type: 'Reset' };
// `note` may be set to undefined: the spec must treat that as a missing key.
type Event = { type: 'Added'; data: { by: number; note?: string | undefined } } | { type: 'WasReset'; data: Record<string, never> };
const EventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Added'), data: z.strictObject({ by: z.number().int(), note: z.string().optional() }) }),
  z.strictObject({ type: z.literal('WasReset'), data: z.strictObject({}) }),
]);

const counter: Decider<Command, Event, number, { limit: number }> = {
  initialState: 0,
  decide(command, state, context) {
    if (command.type === 'Reset') return state === 0 ? [] : [{ type: 'WasReset', data: {} }];
    if (command.by === 0) throw new InvalidCommand('add-nothing', 'adding 0 changes nothing', ['by']);
    if (state + command.by > context.limit) throw new RuleViolation('over-limit', `would pass ${context.limit}`);
    if (command.by === 13) return [{ type: 'Added', data: { by: 13.5 } }]; // an event that does not fit its schema
    return [{ type: 'Added', data: { by: command.by, note: undefined } }];
  },
  evolve(state, event) {
    return event.type === 'Added' ? state + event.data.by : 0;
  },
};

const spec = deciderSpec(counter, { context: { limit: 10 }, events: EventSchema });
const added = (by: number): Event => ({ type: 'Added', data: { by } });

describe('deciderSpec', () => {
  it('folds the given events in order and passes when the decided events are the expected ones', () => {
    const events = spec
      .given([added(4), added(5)])
      .when({ type: 'Add', by: 1 })
      .then([added(1)]);
    expect(events).toEqual([added(1)]);
  });

  it('treats a key set to undefined as a missing key, as stored JSON does', () => {
    expect(() =>
      spec
        .given([])
        .when({ type: 'Add', by: 2 })
        .then([{ type: 'Added', data: { by: 2 } }]),
    ).not.toThrow();
  });

  it('fails when the decided events differ', () => {
    expect(() =>
      spec
        .given([])
        .when({ type: 'Add', by: 2 })
        .then([added(3)]),
    ).toThrow(DeciderSpecFailure);
    expect(() => spec.given([]).when({ type: 'Add', by: 2 }).then([])).toThrow(DeciderSpecFailure);
  });

  it('fails `then` when the decider throws, naming the rule', () => {
    expect(() =>
      spec
        .given([added(10)])
        .when({ type: 'Add', by: 1 })
        .then([added(1)]),
    ).toThrow(/RuleViolation \(rule over-limit\)/);
  });

  it('uses the context given to `given` over the default one', () => {
    spec
      .given([added(10)], { limit: 20 })
      .when({ type: 'Add', by: 1 })
      .then([added(1)]);
  });

  it('returns the refusal when it is of the expected class and rule', () => {
    const error = spec.given([]).when({ type: 'Add', by: 0 }).thenThrows(InvalidCommand, 'add-nothing');
    expect(error.path).toEqual(['by']);
    spec
      .given([added(10)])
      .when({ type: 'Add', by: 1 })
      .thenThrows(RuleViolation, 'over-limit');
  });

  it('fails `thenThrows` on another rule, another class, or no refusal', () => {
    const over = spec.given([added(10)]).when({ type: 'Add', by: 1 });
    expect(() => over.thenThrows(RuleViolation, 'under-limit')).toThrow(DeciderSpecFailure);
    expect(() => over.thenThrows(NotFound, 'over-limit')).toThrow(DeciderSpecFailure);
    expect(() => spec.given([]).when({ type: 'Add', by: 1 }).thenThrows(RuleViolation, 'over-limit')).toThrow(/but it decided/);
  });

  it('passes `thenNothing` only when the decider accepts and decides no events', () => {
    spec.given([]).when({ type: 'Reset' }).thenNothing();
    expect(() =>
      spec
        .given([added(1)])
        .when({ type: 'Reset' })
        .thenNothing(),
    ).toThrow(DeciderSpecFailure);
    expect(() =>
      spec
        .given([added(10)])
        .when({ type: 'Add', by: 1 })
        .thenNothing(),
    ).toThrow(/over-limit/);
  });

  it('checks given and decided events against the event schema', () => {
    expect(() =>
      spec
        .given([], { limit: 20 })
        .when({ type: 'Add', by: 13 })
        .then([added(13)]),
    ).toThrow(/decided event 0 \(Added\) does not fit/);
    expect(() => spec.given([{ type: 'Added', data: { by: 0.5 } }])).toThrow(/given event 0 \(Added\) does not fit/);
  });

  it('refuses to be used as a promise', () => {
    const outcome = spec.given([]).when({ type: 'Reset' });
    const asThenable = outcome as unknown as { then(resolve: () => void): void };
    expect(() => asThenable.then(() => undefined)).toThrow(TypeError);
  });
});
