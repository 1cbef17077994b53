import { z } from 'zod';
import { DEFAULT_WINGS } from '@tayari/shared/wings/catalogue';
import { WingSchema } from '@tayari/shared/wings/events';

/** The wing catalogue: the default wings, then every registered one in order of registration. */
export const CatalogueDocSchema = z.strictObject({
  wings: z.array(WingSchema),
  position: z.string().optional(),
});
export type CatalogueDoc = z.infer<typeof CatalogueDocSchema>;

export function defaultCatalogue(): CatalogueDoc {
  return { wings: DEFAULT_WINGS.map((wing) => ({ ...wing, name: { ...wing.name } })) };
}
