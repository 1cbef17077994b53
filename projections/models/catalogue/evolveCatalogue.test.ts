import { DEFAULT_WINGS } from '@tayari/shared/wings/catalogue';
import { ev } from '../../testing/domainEvents';
import { EventLog } from '../../testing/EventLog';
import { defaultCatalogue } from './CatalogueDoc';
import { evolveCatalogue } from './evolveCatalogue';

describe('evolveCatalogue: the wing catalogue', () => {
  it('starts with the default wings', () => {
    expect(defaultCatalogue().wings.map((w) => w.code)).toEqual(DEFAULT_WINGS.map((w) => w.code));
    expect(defaultCatalogue().wings).toHaveLength(12);
  });

  it('adds registered wings in order, once each', () => {
    const log = new EventLog();
    let doc = defaultCatalogue();
    for (const event of log.all([ev.wingRegistered('legal-cell'), ev.tourPlanned('t1'), ev.wingRegistered('legal-cell'), ev.wingRegistered('rti')])) {
      doc = evolveCatalogue(doc, event);
    }
    expect(doc.wings.slice(12)).toEqual([
      { code: 'legal-cell', name: { en: 'Wing legal-cell', hi: 'प्रकोष्ठ' }, kind: 'cell' },
      { code: 'rti', name: { en: 'Wing rti', hi: 'प्रकोष्ठ' }, kind: 'cell' },
    ]);
    expect(doc.position).toBe('4');
  });
});
