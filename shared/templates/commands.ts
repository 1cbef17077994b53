import { z } from 'zod';
import { IdSchema } from '../common/ids';
import { TemplateDefined } from './events';

const { name, kind, items } = TemplateDefined.shape.data.shape;

/** POST /api/templates */
export const DefineTemplateBody = z.strictObject({ id: IdSchema.optional(), name, kind, items });
/** POST /api/templates/{id}/revise: the whole new content; programmes keep the version they used. */
export const ReviseTemplateBody = z.strictObject({ name, kind, items });
/** POST /api/programmes/{id}/apply-template */
export const ApplyTemplateBody = z.strictObject({ templateId: IdSchema, stopId: IdSchema.optional() });

export type DefineTemplate = { type: 'DefineTemplate'; templateId: string } & Omit<z.output<typeof DefineTemplateBody>, 'id'>;
export type ReviseTemplate = { type: 'ReviseTemplate'; templateId: string } & z.output<typeof ReviseTemplateBody>;
export type TemplateCommand = DefineTemplate | ReviseTemplate;
export type ApplyTemplate = { type: 'ApplyTemplate'; programmeId: string } & z.output<typeof ApplyTemplateBody>;
