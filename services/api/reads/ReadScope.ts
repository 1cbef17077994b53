import type { Actor } from '@tayari/shared/common/actor';
import type { ReadSide } from '@tayari/projections/ReadSide';
import { HttpProblem, problem } from '../http/Problem';

/**
 * What a person whose token names a unit may read (SPEC v2 "organisation units"): that unit and the
 * units under it. A token naming a state, or no unit, reads everything.
 */
export class ReadScope {
  private readonly scope: string | undefined;

  constructor(
    actor: Pick<Actor, 'unit'>,
    private readonly units: Pick<ReadSide, 'unitWithin'>,
  ) {
    // A state's scope holds everything, things without a unit included: no narrowing.
    this.scope = actor.unit !== undefined && !units.unitWithin(actor.unit, undefined) ? actor.unit : undefined;
  }

  /** The unit filter of a list read: the one asked for (which must lie within), or the person's own. */
  unit(asked: string | undefined): string | undefined {
    if (this.scope === undefined) return asked;
    if (asked === undefined) return this.scope;
    this.require(asked, `unit ${asked}`);
    return asked;
  }

  /** Whether a thing of `unit` (undefined: the whole state's) lies within the person's unit. */
  covers(unit: string | undefined): boolean {
    return this.scope === undefined || this.units.unitWithin(this.scope, unit);
  }

  /** Refuses a thing of `unit` (undefined: the whole state's) that lies outside the person's unit. */
  require(unit: string | undefined, what: string): void {
    if (this.scope === undefined || this.units.unitWithin(this.scope, unit)) return;
    throw new HttpProblem(problem(403, 'forbidden-other-unit', `${what} is outside unit ${this.scope}, which you act for`));
  }
}
