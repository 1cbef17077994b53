/**
 * A nomination's stages (SPEC v2, "posts and nominations"), in board order. Node-free and without
 * zod, so that the page can import it. Past SPEC's list: `closed` (another nominee was appointed to
 * the post) and `vacated` (the appointed nominee left the post).
 */
export const NOMINATION_STAGES = ['proposed', 'recommended', 'approved', 'appointed', 'declined', 'withdrawn', 'closed', 'vacated'] as const;
export type NominationStage = (typeof NOMINATION_STAGES)[number];

/** The stages from which a nomination may still move on (or be declined or withdrawn). */
export const OPEN_STAGES: readonly NominationStage[] = ['proposed', 'recommended', 'approved'];

export function isNominationStage(text: string): text is NominationStage {
  return NOMINATION_STAGES.some((stage) => stage === text);
}
