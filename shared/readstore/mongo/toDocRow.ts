import type { Position } from '../../eventstore/EventStore';
import type { DocWrite } from '../ReadStore';
import { positionKey } from '../positionKey';
import type { DocRow } from './MongoRows';
import { jsonValue } from './jsonValue';

/**
 * `_id` of a doc: `<collection>:<id>`. Collection names are ours (constants), so refusing a ':' in
 * them keeps the key unambiguous whatever the id holds.
 */
export function docIdOf(collection: string, id: string): string {
  if (collection.length === 0 || collection.includes(':')) throw new Error(`not a read-model collection name: "${collection}"`);
  return `${collection}:${id}`;
}

/** The row for a doc write; `position` (when known) is kept on the row to refuse stale rewrites. */
export function toDocRow(write: DocWrite, position: Position | undefined): DocRow {
  const row: DocRow = {
    _id: docIdOf(write.collection, write.id),
    collection: write.collection,
    id: write.id,
    doc: jsonValue(write.doc, `${write.collection}/${write.id}`),
  };
  if (write.group !== undefined) row.group = write.group;
  if (position !== undefined) {
    row.position = position;
    row.positionKey = positionKey(position);
  }
  return row;
}
