import type { BoardName } from '../BoardSource';
import { filterRefusal } from './boardFilter';
import type { BoardFilter } from './types';

describe('filterRefusal: which board takes which facets (SPEC v2 filters)', () => {
  const takes: [BoardName, BoardFilter][] = [
    ['readiness', {}],
    ['readiness', { unit: 'cg-bastar' }],
    ['attention', { wing: 'adivasi', unit: 'cg' }],
    ['programme:t1', { wing: 'adivasi', status: ['blocked'], q: 'मंच', overdue: true }],
    ['wing:youth', { stop: 's1', assignee: 'Netam', blocked: true }],
  ];
  it.each(takes)('%s takes %j', (board, filter) => {
    expect(filterRefusal(board, filter)).toBeUndefined();
  });

  const refuses: [BoardName, BoardFilter][] = [
    ['readiness', { wing: 'adivasi' }],
    ['attention', { status: ['todo'] }],
    ['programme:t1', { unit: 'cg' }],
    ['wing:youth', { unit: 'cg' }],
  ];
  it.each(refuses)('%s refuses %j', (board, filter) => {
    expect(filterRefusal(board, filter)).toMatch(/takes/);
  });
});
