import { boardPath } from '../../services/web/page/boardPath';
import { hrefOf, parseRoute } from '../../services/web/page/route';
import type { DriveBoardPayload, PostItem } from '../../services/web/page/types';
import { rankedUnits } from '../../services/web/page/views/drive/rankedUnits';
import { mayNominate, movesOf } from '../../services/web/page/views/posts/nominationMoves';

/** The page's rules for the drive and the posts (issue 15): where they live, what they read, who may move a nomination. */
const post = (wing: string | undefined, status: PostItem['status'] = 'vacant'): PostItem => ({
  id: 'p1',
  unit: 'cg-bastar',
  ...(wing === undefined ? {} : { wing }),
  title: { en: 'President', hi: 'अध्यक्ष' },
  status,
  order: '0:1',
  version: 1,
  lastChange: { at: '2026-11-01T00:00:00.000Z', by: 'In-charge', type: 'PostCreated' },
  nominations: {},
});
const incharge = { sub: 'i', name: 'In-charge', role: 'incharge' as const };
const lead = { sub: 'l', name: 'Lead', role: 'wing-lead' as const, wing: 'adivasi' };
const organiser = { sub: 'o', name: 'Organiser', role: 'organiser' as const, wing: 'adivasi' };

describe('the drive and the posts on the page', () => {
  it('routes #/drive, #/drive/<id> and #/posts, and reads their boards where the API answers them', () => {
    expect(parseRoute('#/drive')).toEqual({ view: 'drive' });
    expect(parseRoute('#/drive/shakti-1')).toEqual({ view: 'drive', id: 'shakti-1' });
    expect(parseRoute('#/posts')).toEqual({ view: 'posts' });
    for (const route of [{ view: 'drive' as const }, { view: 'drive' as const, id: 'shakti-1' }, { view: 'posts' as const }]) {
      expect(parseRoute(hrefOf(route))).toEqual(route);
    }
    expect(boardPath('drive:shakti-1', '42')).toBe('/api/drives/shakti-1/board?minPosition=42');
    expect(boardPath('posts')).toBe('/api/boards/posts');
  });

  it('ranks units by the board’s rank, whatever order a patch left the keys in', () => {
    const count = (rank: number) => ({ enrolled: rank, target: 10, percent: rank * 10, rank });
    const board: DriveBoardPayload = {
      position: '1',
      drive: { id: 'd', title: 'D', startsAt: '', endsAt: '', closed: false, version: 1 },
      total: 6,
      target: 30,
      percent: 20,
      byUnit: { 'cg-durg': count(3), 'cg-bastar': count(1), 'cg-raipur': count(2) },
      byEnroller: [],
      perDay: [],
    };
    expect(rankedUnits(board).map((u) => u.code)).toEqual(['cg-bastar', 'cg-raipur', 'cg-durg']);
  });

  it('offers in-charges every move, a wing lead proposing and recommending on its own wing’s posts, others nothing', () => {
    expect(movesOf(incharge, post('adivasi'), 'proposed')).toEqual(['recommend', 'decline', 'withdraw']);
    expect(movesOf(incharge, post('adivasi'), 'recommended')).toEqual(['approve', 'decline', 'withdraw']);
    expect(movesOf(incharge, post('adivasi'), 'approved')).toEqual(['appoint', 'decline', 'withdraw']);
    expect(movesOf(incharge, post('adivasi', 'filled'), 'approved')).toEqual(['decline', 'withdraw']);
    expect(movesOf(incharge, post(undefined), 'declined')).toEqual([]);
    expect(movesOf(lead, post('adivasi'), 'proposed')).toEqual(['recommend']);
    expect(movesOf(lead, post('adivasi'), 'recommended')).toEqual([]);
    expect(movesOf(lead, post('youth'), 'proposed')).toEqual([]);
    expect(movesOf(organiser, post('adivasi'), 'proposed')).toEqual([]);
    expect([mayNominate(lead, post('adivasi')), mayNominate(lead, post(undefined)), mayNominate(organiser, post('adivasi'))]).toEqual([true, false, false]);
  });
});
