import { InvalidCommand, NotFound, RuleViolation } from './errors';

/**
 * What a decider needs to know about a programme it names (a tour or a meeting): enough to check
 * existence, cancellation and stops, derived by the command handler from that programme's stream.
 */
export interface ProgrammeFacts {
  kind: 'tour' | 'meeting';
  id: string;
  cancelled: boolean;
  /** The unit it belongs to (undefined: the whole state's). */
  unit?: string | undefined;
  /** A meeting's start (a tour's stops have their own). */
  startsAt?: string | undefined;
  stops: ReadonlyMap<string, { cancelled: boolean; startsAt?: string | undefined }>;
}

/** The checks shared by everything that hangs off a programme (responsibilities, tasks). */
export function requireLiveProgramme(programmeId: string, programme: ProgrammeFacts | undefined, stopId?: string): ProgrammeFacts {
  if (!programme) throw new NotFound('programme-not-found', `programme ${programmeId} does not exist`);
  if (programme.cancelled) throw new RuleViolation('programme-cancelled', `programme ${programmeId} is cancelled`);
  if (stopId !== undefined) {
    const stop = programme.stops.get(stopId);
    if (!stop) throw new NotFound('stop-not-found', `stop ${stopId} is not part of programme ${programmeId}`);
    if (stop.cancelled) throw new RuleViolation('stop-cancelled', `stop ${stopId} is cancelled`);
  }
  return programme;
}

/** A programme may name a unit of the organisation (SPEC v2): it must be in the catalogue. */
export function requireKnownUnit(units: ReadonlyMap<string, unknown>, unit: string | undefined): void {
  if (unit !== undefined && !units.has(unit)) throw new InvalidCommand('unknown-unit', `unit ${unit} is not in the catalogue`, ['unit']);
}

export function requireKnownWing(wings: ReadonlyMap<string, unknown>, wing: string, path: (string | number)[] = ['wing']): void {
  if (!wings.has(wing)) throw new InvalidCommand('unknown-wing', `wing ${wing} is not in the catalogue`, path);
}
