/** Read-store collections and the projection (checkpoint) names of the models. */
export const COLLECTIONS = {
  programmes: 'programmes',
  wings: 'wings',
  catalogue: 'catalogue',
} as const;

/** Every model the runner keeps, each with its own checkpoint (all written in the same commit). */
export const PROJECTIONS = ['programmes', 'wings', 'catalogue', 'history'] as const;
export type ProjectionName = (typeof PROJECTIONS)[number];

/** The catalogue is a single document. */
export const CATALOGUE_ID = 'catalogue';
