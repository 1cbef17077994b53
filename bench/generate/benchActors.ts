import type { Actor } from '@tayari/shared/common/actor';

/** The people generated events name (by role, as the demo does). */
export const INCHARGE: Actor = { sub: 'bench-incharge', name: 'State in-charge (प्रभारी)', role: 'incharge' };

export const wingLead = (wing: string): Actor => ({ sub: `bench-${wing}-lead`, name: `Wing lead (${wing})`, role: 'wing-lead', wing });

export const organiser = (wing: string): Actor => ({ sub: `bench-${wing}-organiser`, name: `Organiser (${wing})`, role: 'organiser', wing });
