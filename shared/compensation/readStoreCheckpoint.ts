import type { Position } from '../eventstore/EventStore';
import { PROCESS_CHECKPOINT_PREFIX } from '../readstore/processCheckpoints';
import type { ReadStore } from '../readstore/ReadStore';
import type { CheckpointStore } from './LateEventCompensator';

/** The compensator's checkpoint, stored with the read models' checkpoints (a commit of no documents). */
export const LATE_EVENTS_CHECKPOINT = `${PROCESS_CHECKPOINT_PREFIX}late-events`;

export function readStoreCheckpoint(readStore: ReadStore, name = LATE_EVENTS_CHECKPOINT): CheckpointStore {
  return {
    load: async (): Promise<Position | undefined> => (await readStore.checkpoints())[name],
    save: (position) => readStore.commit({ docs: [], checkpoints: { [name]: position } }),
  };
}
