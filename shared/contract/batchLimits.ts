/** Most commands one batch may hold (SPEC v2, "the field — batch commands"). Zod-free: the page imports it. */
export const MAX_BATCH_ITEMS = 200;
