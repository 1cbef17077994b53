import { z } from 'zod';
import { NOMINATION_STAGES } from '../contract/nominationStages';
import { eventSchema as event } from '../common/event';
import { IdSchema } from '../common/ids';
import { NameSchema, NoteSchema, ReasonSchema, text } from '../common/text';
import { UnitCodeSchema } from '../units/events';
import { WingCodeSchema } from '../wings/events';

export const NominationStageSchema = z.enum(NOMINATION_STAGES);

/** A post's title in both languages, e.g. "District president, Tribal wing, Bastar". */
export const PostTitleSchema = z.strictObject({ en: text(200), hi: text(200) });

/** Every nomination event names its post and nomination: projections route it without lookups. */
const ref = { postId: IdSchema, nominationId: IdSchema };

export const PostCreated = event('PostCreated', { postId: IdSchema, unit: UnitCodeSchema, wing: WingCodeSchema.optional(), title: PostTitleSchema });
export const NomineeProposed = event('NomineeProposed', { ...ref, nominee: NameSchema, proposedBy: NameSchema, note: NoteSchema.optional() });
export const NominationRecommended = event('NominationRecommended', { ...ref, note: NoteSchema.optional() });
export const NominationApproved = event('NominationApproved', { ...ref, note: NoteSchema.optional() });
export const NominationDeclined = event('NominationDeclined', { ...ref, reason: ReasonSchema });
export const NominationWithdrawn = event('NominationWithdrawn', { ...ref, reason: ReasonSchema.optional() });
export const PostFilled = event('PostFilled', { ...ref, nominee: NameSchema });
/** Appointing one nominee closes each other open nomination of the post, one event each. */
export const NominationClosed = event('NominationClosed', { ...ref, appointed: IdSchema });
export const PostVacated = event('PostVacated', { ...ref, reason: ReasonSchema });

export const PostEventSchema = z.discriminatedUnion('type', [
  PostCreated,
  NomineeProposed,
  NominationRecommended,
  NominationApproved,
  NominationDeclined,
  NominationWithdrawn,
  PostFilled,
  NominationClosed,
  PostVacated,
]);
export type PostEvent = z.infer<typeof PostEventSchema>;

/**
 * The one event of a `nomination-<id>` stream: which post the nomination lives in. It reserves the
 * id across posts and lets `/api/nominations/{id}/…` find the post's stream; it never changes.
 */
export const NominationFiled = event('NominationFiled', { ...ref });
export const NominationLinkEventSchema = z.discriminatedUnion('type', [NominationFiled]);
export type NominationLinkEvent = z.infer<typeof NominationLinkEventSchema>;
