import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';

/** Whether a unit filter keeps this programme: no filter keeps all; with one, the programme names a unit in it. */
export function inUnit(doc: Pick<ProgrammeDoc, 'unit'>, within: ReadonlySet<string> | undefined): boolean {
  return within === undefined || (doc.unit !== undefined && within.has(doc.unit));
}
