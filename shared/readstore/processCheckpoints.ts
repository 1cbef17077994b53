/**
 * Process managers keep their checkpoints beside the read models' (one place to back up, cleared by
 * a rebuild like them) under names with this prefix: the projection runner and the followers of a
 * split set-up leave such names alone, since they describe no read model.
 */
export const PROCESS_CHECKPOINT_PREFIX = 'process:';

export const isProcessCheckpoint = (name: string): boolean => name.startsWith(PROCESS_CHECKPOINT_PREFIX);
