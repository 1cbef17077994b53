import { z } from 'zod';

/** Free text as people write it (Hindi, English, mixed): trimmed, never empty, bounded. */
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const TitleSchema = text(200);
export const NameSchema = text(120);
export const NoteSchema = text(2000);
export const ReasonSchema = text(500);
