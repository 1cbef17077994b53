/**
 * Read-store collections: a header per programme, a row per task and per responsibility (so that an
 * event writes one small row whatever the size of its programme), and the wing catalogue.
 */
export const COLLECTIONS = {
  programmes: 'programmes',
  tasks: 'tasks',
  responsibilities: 'responsibilities',
  catalogue: 'catalogue',
} as const;

/**
 * Every model the runner keeps, each with its own checkpoint (all written in the same commit). A
 * store holding checkpoints of other names was written by an older version: it is cleared and rebuilt.
 */
export const PROJECTIONS = ['programmes', 'catalogue', 'history'] as const;
export type ProjectionName = (typeof PROJECTIONS)[number];

/** The catalogue is a single document. */
export const CATALOGUE_ID = 'catalogue';
