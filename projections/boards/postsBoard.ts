import type { BoardFilter } from '@tayari/shared/contract/boardKey';
import { own } from '../models/own';
import type { NominationRow, PostRow } from '../models/posts/PostRow';
import type { NominationItem, PostItem, PostsBoardPayload } from './postsTypes';
import type { Position } from './types';
import { compareOrder } from '@tayari/shared/contract/compareOrder';

export type PostsFilter = Pick<BoardFilter, 'unit' | 'wing' | 'stage'>;

function nominationItem(row: NominationRow): NominationItem {
  const { stage: _stage, note, reason, ...item } = row;
  return { ...item, ...(note === undefined ? {} : { note }), ...(reason === undefined ? {} : { reason }) };
}

/** A post as the board shows it, its nominations narrowed to `stages`; undefined when none is left. */
function postItem(row: PostRow, stages: ReadonlySet<string> | undefined): PostItem | undefined {
  const nominations: PostItem['nominations'] = {};
  let kept = 0;
  for (const nomination of Object.values(row.nominations)) {
    if (stages !== undefined && !stages.has(nomination.stage)) continue;
    const group = nominations[nomination.stage] ?? {};
    group[nomination.id] = nominationItem(nomination);
    nominations[nomination.stage] = group;
    kept++;
  }
  if (stages !== undefined && kept === 0) return undefined;
  const holder = row.holder === undefined ? undefined : own(row.nominations, row.holder);
  return {
    id: row.id,
    unit: row.unit,
    ...(row.wing === undefined ? {} : { wing: row.wing }),
    title: row.title,
    status: row.status,
    ...(holder === undefined ? {} : { holder: { nominationId: holder.id, nominee: holder.nominee } }),
    order: `${row.status === 'vacant' ? 0 : 1}:${row.created}`,
    version: row.version,
    lastChange: row.lastChange,
    nominations,
  };
}

/**
 * The posts board (SPEC v2): posts with their nominations by stage, vacancies first. `within` is the
 * unit filter's unit and the units under it; `wing` keeps one wing's posts; `stage` keeps the
 * nominations at those stages and the posts that have one.
 */
export function postsBoard(rows: Iterable<PostRow>, filter: PostsFilter, within: ReadonlySet<string> | undefined, position: Position): PostsBoardPayload {
  const stages = filter.stage === undefined ? undefined : new Set<string>(filter.stage);
  const items: PostItem[] = [];
  for (const row of rows) {
    if (within !== undefined && !within.has(row.unit)) continue;
    if (filter.wing !== undefined && row.wing !== filter.wing) continue;
    const item = postItem(row, stages);
    if (item) items.push(item);
  }
  items.sort(compareOrder);
  return { position, posts: Object.fromEntries(items.map((item) => [item.id, item])) };
}
