import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';
import type { EventToAppend } from '@tayari/shared/eventstore/EventStore';
import { eventId } from '@tayari/shared/eventstore/eventId';
import { CURRENT_SCHEMA } from '@tayari/shared/events/upcast';
import { INCHARGE } from './benchActors';
import type { PlannedEvent } from './PlannedEvent';
import { planProgramme } from './planProgramme';
import { Rng } from './Rng';

export interface GenerateOptions {
  seed: number;
  /** Events after this instant have not happened yet and are not generated. */
  nowMs: number;
  /** When the first programme starts; the next ones follow every `spacingMs` (± half of it). */
  firstStartMs: number;
  spacingMs: number;
  /** Stop after this many programmes (their events up to now all come out). */
  programmes: number;
  cancellations: boolean;
}

export interface GeneratedEvent {
  streamId: string;
  /** The same event, typed, for callers that follow what was generated. */
  domain: DomainEvent;
  event: EventToAppend;
}

/** Wings registered by an in-charge on top of the default catalogue. */
const EXTRA_WINGS = [
  { code: 'legal', name: { en: 'Legal cell', hi: 'विधि प्रकोष्ठ' }, kind: 'cell' as const },
  { code: 'rti', name: { en: 'RTI cell', hi: 'सूचना का अधिकार प्रकोष्ठ' }, kind: 'cell' as const },
];

/** A planned event as the API would store it: its command's id, actor and time in the metadata. */
export function storedEvent(planned: PlannedEvent, commandId: string): GeneratedEvent {
  return {
    streamId: planned.streamId,
    domain: planned.event,
    event: {
      id: eventId(commandId, 0),
      type: planned.event.type,
      data: planned.event.data,
      metadata: { actor: planned.actor, at: new Date(planned.at).toISOString(), commandId, correlationId: commandId, schema: CURRENT_SCHEMA },
    },
  };
}

/**
 * A realistic event log: many programmes prepared in overlapping weeks, their events interleaved in
 * time order (a k-way merge of each programme's own timeline), each with the metadata the API writes.
 */
export function* generateEvents(options: GenerateOptions): Generator<GeneratedEvent> {
  const rng = new Rng(options.seed);
  let command = 0;
  const stored = (planned: PlannedEvent): GeneratedEvent => storedEvent(planned, `bench-${++command}`);

  const firstAt = options.firstStartMs - 30 * 24 * 3_600_000;
  for (const [k, data] of EXTRA_WINGS.entries()) {
    yield stored({ at: firstAt + k, streamId: 'wings-catalogue', actor: INCHARGE, event: { type: 'WingRegistered', data } });
  }

  const timelines = new TimelineHeap();
  let planned = 0;
  let next: PlannedEvent[] | undefined;
  const planNext = () => {
    if (planned >= options.programmes) return undefined;
    const startsAtMs = options.firstStartMs + planned * options.spacingMs + (rng.next() - 0.5) * options.spacingMs;
    planned++;
    return planProgramme(rng, { seq: planned, startsAtMs, cancellations: options.cancellations }).filter((e) => e.at <= options.nowMs);
  };
  next = planNext();
  for (;;) {
    // Admit programmes whose preparation has begun by the time of the earliest pending event.
    while (next !== undefined && (timelines.size === 0 || next[0] === undefined || next[0].at <= timelines.peekAt())) {
      if (next.length > 0) timelines.push(next);
      next = planNext();
    }
    const event = timelines.pop();
    if (event === undefined) return;
    yield stored(event);
  }
}

interface Timeline {
  events: PlannedEvent[];
  /** Its next event; a timeline leaves the heap once it has none. */
  index: number;
}

/** The next event of a timeline in the heap (it has one, or it would have left). */
function nextOf(timeline: Timeline): PlannedEvent {
  const event = timeline.events[timeline.index];
  if (event === undefined) throw new Error('a finished timeline stayed in the heap');
  return event;
}

/** A min-heap of programme timelines keyed by the time of each one's next event. */
class TimelineHeap {
  private readonly heap: Timeline[] = [];

  get size(): number {
    return this.heap.length;
  }

  peekAt(): number {
    return this.at(0);
  }

  push(events: PlannedEvent[]): void {
    this.heap.push({ events, index: 0 });
    this.up(this.heap.length - 1);
  }

  pop(): PlannedEvent | undefined {
    const top = this.heap[0];
    if (top === undefined) return undefined;
    const event = nextOf(top);
    top.index++;
    if (top.index >= top.events.length) {
      const last = this.heap.pop();
      if (last !== undefined && this.heap.length > 0) this.heap[0] = last;
    }
    if (this.heap.length > 0) this.down(0);
    return event;
  }

  private entry(i: number): Timeline {
    const timeline = this.heap[i];
    if (timeline === undefined) throw new RangeError(`no timeline at heap index ${i} of ${this.heap.length}`);
    return timeline;
  }

  private at(i: number): number {
    return nextOf(this.entry(i)).at;
  }

  private swap(i: number, j: number): void {
    const [a, b] = [this.entry(i), this.entry(j)];
    this.heap[i] = b;
    this.heap[j] = a;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.at(parent) <= this.at(i)) return;
      this.swap(parent, i);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < this.heap.length && this.at(l) < this.at(least)) least = l;
      if (r < this.heap.length && this.at(r) < this.at(least)) least = r;
      if (least === i) return;
      this.swap(least, i);
      i = least;
    }
  }
}
