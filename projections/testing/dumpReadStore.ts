import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { programmeModel } from '../models/programme/programmeModel';
import { LOG_MODELS, ROW_MODELS } from '../registry/readModels';

export interface ReadStoreDump {
  checkpoints: Record<string, string>;
  /** Row model → its rows, by id. */
  docs: Record<string, unknown[]>;
  /** Log model → programme → its entries. */
  logs: Record<string, Record<string, unknown[]>>;
}

/** Everything a read store holds for the registry's models, in a comparable form (to check a store against a rebuild). */
export async function dumpReadStore(store: ReadStore): Promise<ReadStoreDump> {
  const docs: Record<string, unknown[]> = {};
  for (const model of ROW_MODELS) docs[model.name] = await store.all(model.name);
  const logs: Record<string, Record<string, unknown[]>> = {};
  const programmeIds = (docs[programmeModel.name] ?? []).map((raw) => programmeModel.schema.parse(raw).id);
  for (const model of LOG_MODELS) {
    const groups: Record<string, unknown[]> = {};
    for (const id of programmeIds) groups[id] = await store.log(model.name, id, undefined, 1_000_000);
    logs[model.name] = groups;
  }
  return { checkpoints: await store.checkpoints(), docs, logs };
}
