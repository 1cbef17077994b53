import { cardFixture } from '@tayari/projections/testing/cardFixture';
import type { Card } from '../../services/web/page/types';

/** A programme board card as the page holds it, for the page's rules tests: `id` in a column at `order`. */
export const testCard = (id: string, status: Card['status'], order: string, assignee?: string): Card =>
  cardFixture(id, status, order, assignee ? { assignee } : {});
