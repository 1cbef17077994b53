import { z } from 'zod';
import { IdSchema } from '../common/ids';
import { NameSchema, NoteSchema, ReasonSchema } from '../common/text';
import { UnitCodeSchema } from '../units/events';
import { WingCodeSchema } from '../wings/events';
import { PostTitleSchema } from './events';

/** POST /api/posts */
export const CreatePostBody = z.strictObject({ id: IdSchema.optional(), unit: UnitCodeSchema, wing: WingCodeSchema.optional(), title: PostTitleSchema });
/** POST /api/posts/{id}/nominations */
export const ProposeNomineeBody = z.strictObject({ id: IdSchema.optional(), nominee: NameSchema, proposedBy: NameSchema, note: NoteSchema.optional() });
/** POST /api/nominations/{id}/recommend and /approve */
export const NominationNoteBody = z.strictObject({ note: NoteSchema.optional() });
/** POST /api/nominations/{id}/decline */
export const DeclineNominationBody = z.strictObject({ reason: ReasonSchema });
/** POST /api/nominations/{id}/withdraw */
export const WithdrawNominationBody = z.strictObject({ reason: ReasonSchema.optional() });
/** POST /api/posts/{id}/appoint */
export const AppointBody = z.strictObject({ nominationId: IdSchema });
/** POST /api/posts/{id}/vacate */
export const VacatePostBody = z.strictObject({ reason: ReasonSchema });

type Ref = { postId: string; nominationId: string };
export type CreatePost = { type: 'CreatePost'; postId: string } & Omit<z.output<typeof CreatePostBody>, 'id'>;
export type ProposeNominee = { type: 'ProposeNominee' } & Ref & Omit<z.output<typeof ProposeNomineeBody>, 'id'>;
export type RecommendNomination = { type: 'RecommendNomination' } & Ref & z.output<typeof NominationNoteBody>;
export type ApproveNomination = { type: 'ApproveNomination' } & Ref & z.output<typeof NominationNoteBody>;
export type DeclineNomination = { type: 'DeclineNomination' } & Ref & z.output<typeof DeclineNominationBody>;
export type WithdrawNomination = { type: 'WithdrawNomination' } & Ref & z.output<typeof WithdrawNominationBody>;
export type Appoint = { type: 'Appoint'; postId: string } & z.output<typeof AppointBody>;
export type VacatePost = { type: 'VacatePost'; postId: string } & z.output<typeof VacatePostBody>;
export type PostCommand = CreatePost | ProposeNominee | RecommendNomination | ApproveNomination | DeclineNomination | WithdrawNomination | Appoint | VacatePost;
/** The commands that act on one nomination, reached by its id alone. */
export type NominationCommand = RecommendNomination | ApproveNomination | DeclineNomination | WithdrawNomination;

/** Reserves a nomination's id for its post (the `nomination-<id>` stream). */
export type FileNomination = { type: 'FileNomination' } & Ref;
