import { isDeepStrictEqual } from 'node:util';
import type { Decider } from './decider';

/**
 * Given/when/then for deciders, with no test framework in it: every check either returns what the
 * decider did (so a test can look closer) or throws a `DeciderSpecFailure` that says what differed.
 *
 *   deciderSpec(taskDecider, { context, events: TaskEventSchema })
 *     .given([logged, started])
 *     .when({ type: 'ChangeTaskStatus', taskId, status: 'done' })
 *     .then([{ type: 'TaskCompleted', data: { … } }]);
 *
 * `given` folds its events with `evolve` from `initialState`; `when` calls `decide` with that state
 * and the context. Events compare as they will be stored (JSON): a key set to `undefined` is the
 * same as a missing key.
 *
 * The outcome has a `then` method, so it is "thenable": never `await` it or return it from a test.
 */
export class DeciderSpecFailure extends Error {
  override readonly name = 'DeciderSpecFailure';
}

/** Anything that checks an event's shape, e.g. a zod schema: `parse` throws when it does not fit. */
export interface EventShape {
  parse(event: unknown): unknown;
}

export interface DeciderSpecOptions<Context> {
  /** The context used when `given` is called without one. */
  context?: Context;
  /** When set, every given and every decided event must fit it. */
  events?: EventShape;
}

/** Any class of error, e.g. `RuleViolation`; its instances must carry a `rule`. */
export type ErrorClass<E extends Error & { rule: string }> = abstract new (...args: never[]) => E;

export interface Outcome<Event> {
  /** The decider decided exactly these events, in this order. Returns them. */
  then(expected: Event[]): Event[];
  /** The decider refused with an instance of `errorClass` naming `rule`. Returns the error. */
  thenThrows<E extends Error & { rule: string }>(errorClass: ErrorClass<E>, rule: string): E;
  /** The decider accepted the command and decided no events. */
  thenNothing(): void;
}

export interface Given<Command, Event> {
  when(command: Command): Outcome<Event>;
}

export interface DeciderSpec<Command, Event, Context> {
  given(events: Event[], context?: Context): Given<Command, Event>;
}

type Result<Event> = { ok: true; events: Event[] } | { ok: false; error: unknown };

/** Drops keys whose value is `undefined`, as JSON.stringify does, so that `{a: undefined}` equals `{}`. */
function asStored(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asStored);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, asStored(v)]),
    );
  }
  return value;
}

const show = (value: unknown) => JSON.stringify(value, null, 2);

function describe(result: Result<unknown>): string {
  if (result.ok) return `it decided ${result.events.length === 0 ? 'nothing' : show(result.events)}`;
  const error = result.error;
  if (error instanceof Error) {
    const rule = (error as Error & { rule?: unknown }).rule;
    return `it threw ${error.name}${rule === undefined ? '' : ` (rule ${String(rule)})`}: ${error.message}`;
  }
  return `it threw ${String(error)}`;
}

function checkShapes(shape: EventShape | undefined, events: unknown[], what: string): void {
  if (!shape) return;
  events.forEach((event, i) => {
    try {
      shape.parse(event);
    } catch (cause) {
      const type = (event as { type?: unknown } | null)?.type;
      throw new DeciderSpecFailure(`${what} event ${i} (${String(type)}) does not fit its schema: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  });
}

export function deciderSpec<Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
  options: DeciderSpecOptions<Context> = {},
): DeciderSpec<Command, Event, Context> {
  return {
    given(given, context = options.context) {
      checkShapes(options.events, given, 'given');
      const state = given.reduce((s, e) => decider.evolve(s, e), decider.initialState);
      return {
        when(command) {
          let result: Result<Event>;
          try {
            // A decider without context (Context = void) ignores the third argument.
            result = { ok: true, events: decider.decide(command, state, context as Context) };
          } catch (error) {
            result = { ok: false, error };
          }
          return outcome(result, options.events);
        },
      };
    },
  };
}

function outcome<Event>(result: Result<Event>, shape: EventShape | undefined): Outcome<Event> {
  return {
    // biome-ignore lint/suspicious/noThenProperty: given/when/then is the spec's language; the error below says not to await it.
    then(expected) {
      if (!Array.isArray(expected)) {
        throw new TypeError('then(expectedEvents) takes an array of events; an outcome is not a promise, do not await it');
      }
      if (!result.ok) {
        throw new DeciderSpecFailure(`expected ${show(expected)}\nbut ${describe(result)}`, { cause: result.error });
      }
      checkShapes(shape, result.events, 'decided');
      if (!isDeepStrictEqual(asStored(result.events), asStored(expected))) {
        throw new DeciderSpecFailure(`expected ${show(expected)}\nbut ${describe(result)}`);
      }
      return result.events;
    },

    thenThrows(errorClass, rule) {
      if (result.ok) {
        throw new DeciderSpecFailure(`expected ${errorClass.name} (rule ${rule})\nbut ${describe(result)}`);
      }
      const error = result.error;
      if (!(error instanceof errorClass) || error.rule !== rule) {
        throw new DeciderSpecFailure(`expected ${errorClass.name} (rule ${rule})\nbut ${describe(result)}`, { cause: error });
      }
      return error;
    },

    thenNothing() {
      if (!result.ok || result.events.length > 0) {
        throw new DeciderSpecFailure(`expected no events\nbut ${describe(result)}`, result.ok ? undefined : { cause: result.error });
      }
    },
  };
}
