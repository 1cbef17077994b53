import type { z } from 'zod';
import type { Decider } from '@tayari/shared/common/decider';

/** What the command pipeline needs to know of an aggregate: its decider and how to read its events. */
export interface Aggregate<Command, Event, State, Context> {
  decider: Decider<Command, Event, State, Context>;
  /** Parses one stored `{type, data}` of this aggregate's stream (events are parsed on read too). */
  events: z.ZodType<Event>;
}
