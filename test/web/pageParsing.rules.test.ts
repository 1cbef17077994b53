import { comparePositions } from '../../services/web/page/comparePositions';
import { parseRoute, hrefOf } from '../../services/web/page/route';
import { canAcknowledge, canWorkOn, claimsOf, ownWingOf } from '../../services/web/page/token';

const jwt = (payload: object) => `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

/** Claims of `role` (and `wing`, when given) as a token carries them. */
const as = (role: 'incharge' | 'wing-lead' | 'organiser' | 'observer', wing?: string) => ({
  sub: 's',
  name: 'n',
  role,
  ...(wing === undefined ? {} : { wing }),
});

describe('what the page reads from positions, routes and tokens', () => {
  it('orders positions of either store numerically, never as text', () => {
    expect(comparePositions('9', '10')).toBe(-1);
    expect(comparePositions('10', '10')).toBe(0);
    expect(comparePositions('18446744073709551615', '2')).toBe(1);
    expect(comparePositions('C:10/P:9', 'C:10/P:12')).toBe(-1);
    expect(comparePositions('C:11/P:1', 'C:10/P:12')).toBe(1);
  });

  it('routes by the fragment, round-tripping ids', () => {
    expect(parseRoute('')).toEqual({ view: 'readiness' });
    expect(parseRoute('#/')).toEqual({ view: 'readiness' });
    expect(parseRoute('#/programme/bastar-visit')).toEqual({ view: 'programme', id: 'bastar-visit' });
    expect(parseRoute('#/wing/seva-dal')).toEqual({ view: 'wing', code: 'seva-dal' });
    expect(parseRoute('#/wing')).toEqual({ view: 'wing' });
    expect(parseRoute('#/programme/%E0%A4')).toEqual({ view: 'programme', id: '%E0%A4' });
    expect(parseRoute(hrefOf({ view: 'programme', id: 'a b/c' }))).toEqual({ view: 'programme', id: 'a b/c' });
    // Which cards a programme shows is part of its address, so a reload keeps it.
    expect(parseRoute('#/programme/bastar-visit?cards=all')).toEqual({ view: 'programme', id: 'bastar-visit', cards: 'all' });
    expect(parseRoute('#/programme/bastar-visit?cards=wing')).toEqual({ view: 'programme', id: 'bastar-visit', cards: 'wing' });
    expect(parseRoute('#/programme/bastar-visit?cards=nonsense')).toEqual({ view: 'programme', id: 'bastar-visit' });
    expect(hrefOf({ view: 'programme', id: 'a?b', cards: 'all' })).toBe('#/programme/a%3Fb?cards=all');
    expect(parseRoute(hrefOf({ view: 'programme', id: 'a?b', cards: 'all' }))).toEqual({ view: 'programme', id: 'a?b', cards: 'all' });
  });

  it('reads role and wing from a token (Devanagari names included), and refuses what is not one', () => {
    const lead = claimsOf(jwt({ sub: 'u1', name: 'आदिवासी lead', role: 'wing-lead', wing: 'adivasi', exp: 1 }));
    expect(lead).toEqual({ sub: 'u1', name: 'आदिवासी lead', role: 'wing-lead', wing: 'adivasi', exp: 1 });
    expect(claimsOf('not-a-token')).toBeUndefined();
    expect(claimsOf(jwt({ sub: 'u1', role: 'admin' }))).toBeUndefined();
    expect(claimsOf('a.%%%.c')).toBeUndefined();
  });

  it('offers edits only to those the API lets do them', () => {
    expect(canWorkOn(as('incharge'), 'youth')).toBe(true);
    expect(canWorkOn(as('wing-lead', 'adivasi'), 'adivasi')).toBe(true);
    expect(canWorkOn(as('organiser', 'adivasi'), 'adivasi')).toBe(true);
    expect(canWorkOn(as('organiser', 'adivasi'), 'youth')).toBe(false);
    expect(canWorkOn(as('observer'), 'adivasi')).toBe(false);
    expect(canAcknowledge(as('organiser', 'adivasi'), 'adivasi')).toBe(false);
    expect(canAcknowledge(as('wing-lead', 'adivasi'), 'adivasi')).toBe(true);
    // The API lets an in-charge acknowledge, but the page leaves that to the wing (issue 14).
    expect(canAcknowledge(as('incharge'), 'adivasi')).toBe(false);
  });

  it('opens a wing lead’s and an organiser’s programme boards on their own wing’s cards, others on all', () => {
    expect(ownWingOf(as('wing-lead', 'adivasi'))).toBe('adivasi');
    expect(ownWingOf(as('organiser', 'yuva'))).toBe('yuva');
    expect(ownWingOf(as('wing-lead'))).toBeUndefined();
    expect(ownWingOf(as('incharge', 'adivasi'))).toBeUndefined();
    expect(ownWingOf(as('observer', 'adivasi'))).toBeUndefined();
  });
});
