import { dueFrom } from '@tayari/shared/contract/templateOffset';
import type { Template } from './TemplateCatalogue';

export interface PlannedItem {
  title: string;
  wing: string;
  assignee?: string;
  /** The start moved back by the item's offset, as the server will count it; none without a start. */
  dueAt?: string;
}

/** A template's items as the tasks applying it would log, soonest due first (the preview before Apply). */
export function plannedItems(template: Template, startsAt: string | undefined): PlannedItem[] {
  const items = template.items.map(({ title, wing, offset, assignee }) => ({
    title,
    wing,
    ...(assignee === undefined ? {} : { assignee }),
    ...(startsAt === undefined ? {} : { dueAt: dueFrom(startsAt, offset) }),
  }));
  return items.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
}
