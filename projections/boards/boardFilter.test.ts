import { filterRefusal } from './boardFilter';

describe('filterRefusal: which board takes which facets (SPEC v2 filters)', () => {
  it.each([
    ['readiness', {}],
    ['readiness', { unit: 'cg-bastar' }],
    ['attention', { wing: 'adivasi', unit: 'cg' }],
    ['programme:t1', { wing: 'adivasi', status: ['blocked' as const], q: 'मंच', overdue: true }],
    ['wing:youth', { stop: 's1', assignee: 'Netam', blocked: true }],
  ] as const)('%s takes %j', (board, filter) => {
    expect(filterRefusal(board, filter)).toBeUndefined();
  });

  it.each([
    ['readiness', { wing: 'adivasi' }],
    ['attention', { status: ['todo' as const] }],
    ['programme:t1', { unit: 'cg' }],
    ['wing:youth', { unit: 'cg' }],
  ] as const)('%s refuses %j', (board, filter) => {
    expect(filterRefusal(board, filter)).toMatch(/takes/);
  });
});
