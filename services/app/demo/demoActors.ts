import type { Actor } from '@tayari/shared/common/actor';

/** The in-charge plans programmes and gives duties (the same person as the demo's in-charge token). */
export const INCHARGE: Actor = { sub: 'demo-incharge', name: 'State in-charge (प्रभारी)', role: 'incharge' };

/** Each wing's people, by role (never real names). The adivasi subs match the demo tokens. */
const WING_PEOPLE: Record<string, { lead: string; organiser: string }> = {
  adivasi: { lead: 'Tribal wing lead', organiser: 'Bastar organiser' },
  youth: { lead: 'Youth Congress state lead', organiser: 'Youth Congress organiser, Jagdalpur' },
  mahila: { lead: "Women's wing state lead", organiser: "Women's wing organiser, Bastar" },
  nsui: { lead: "Students' wing state lead", organiser: "Students' wing organiser, Jagdalpur" },
  'seva-dal': { lead: 'Seva Dal chief organiser', organiser: 'Seva Dal organiser, Bastar' },
  kisan: { lead: "Farmers' wing state lead", organiser: "Farmers' wing organiser, Kanker" },
  sc: { lead: 'SC department chair', organiser: 'SC department organiser' },
  obc: { lead: 'OBC department chair', organiser: 'OBC department organiser' },
  minority: { lead: 'Minority department chair', organiser: 'Minority department organiser' },
  'it-cell': { lead: 'IT cell state coordinator', organiser: 'IT cell volunteer, Raipur' },
  data: { lead: 'Data analytics department chair', organiser: 'Data analytics coordinator' },
  media: { lead: 'Communications department chair', organiser: 'Media coordinator, Raipur' },
};

/** The wings whose people the demo has. */
export const DEMO_WINGS: readonly string[] = Object.keys(WING_PEOPLE);

/** The demo's observer (the same person as the demo's observer token). */
export const OBSERVER: Actor = { sub: 'demo-observer', name: 'Observer', role: 'observer' };

function person(wing: string, role: 'wing-lead' | 'organiser'): Actor {
  const people = WING_PEOPLE[wing];
  if (!people) throw new Error(`the demo has no people for wing ${wing}`);
  const kind = role === 'wing-lead' ? 'lead' : 'organiser';
  return { sub: `demo-${wing}-${kind}`, name: people[kind], role, wing };
}

export const wingLead = (wing: string): Actor => person(wing, 'wing-lead');
export const organiser = (wing: string): Actor => person(wing, 'organiser');
