import { z } from 'zod';
import { DEFAULT_WINGS } from '@tayari/shared/wings/catalogue';
import { WingSchema } from '@tayari/shared/wings/events';

/** The catalogue is a single row of its model. */
export const CATALOGUE_ID = 'catalogue';

/** The wing catalogue: the default wings, then every registered one in order of registration. */
export const CatalogueDocSchema = z.strictObject({
  id: z.literal(CATALOGUE_ID),
  wings: z.array(WingSchema),
  position: z.string().optional(),
});
export type CatalogueDoc = z.infer<typeof CatalogueDocSchema>;

export function defaultCatalogue(): CatalogueDoc {
  return { id: CATALOGUE_ID, wings: DEFAULT_WINGS.map((wing) => ({ ...wing, name: { ...wing.name } })) };
}
