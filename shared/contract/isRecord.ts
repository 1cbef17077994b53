/** A JSON object (not null, not an array), its fields still to be checked. Node-free: the page uses it. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
