import type { Card } from '../boards/types';

/** A programme board card for tests: `id` in a column at `order`, the rest plain unless `more` says otherwise. */
export const cardFixture = (id: string, status: Card['status'], order: string, more: Partial<Card> = {}): Card => ({
  id,
  title: id,
  wing: 'youth',
  status,
  overdue: false,
  stopCancelled: false,
  version: 1,
  order,
  notes: 0,
  ...more,
});
