import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { PostEvent } from '@tayari/shared/posts/events';
import { STAGE_AFTER } from '@tayari/shared/posts/stageAfter';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import { own, withEntry } from '../own';
import type { NominationRow, PostRow } from './PostRow';

export type PostStoredEvent = Extract<StoredEvent, { type: PostEvent['type'] }>;

/** The row after one event of its post's stream (pure; the same row when the event changes nothing). */
export function evolvePost(row: PostRow | undefined, event: PostStoredEvent): PostRow | undefined {
  const lastChange = { at: event.metadata.at, by: event.metadata.actor.name, type: event.type };
  if (event.type === 'PostCreated') {
    if (row) return row;
    const { postId, ...data } = event.data;
    return {
      id: postId,
      ...data,
      status: 'vacant',
      created: positionKey(event.position),
      createdAt: event.metadata.at,
      lastChange,
      version: event.version,
      nominations: {},
    };
  }
  if (!row) return row;
  const base = { ...row, lastChange, version: event.version };
  const { nominationId } = event.data;
  if (event.type === 'NomineeProposed') {
    const { postId: _p, nominationId: id, ...data } = event.data;
    const nomination: NominationRow = { id, ...data, stage: STAGE_AFTER[event.type], proposedAt: event.metadata.at, lastChange };
    return { ...base, nominations: withEntry(row.nominations, id, nomination) };
  }
  const nomination = own(row.nominations, nominationId);
  if (!nomination) return { ...base };
  const next: NominationRow = { ...nomination, stage: STAGE_AFTER[event.type], lastChange };
  if ('note' in event.data && event.data.note !== undefined) next.note = event.data.note;
  if ('reason' in event.data && event.data.reason !== undefined) next.reason = event.data.reason;
  const nominations = withEntry(row.nominations, nominationId, next);
  if (event.type === 'PostFilled') return { ...base, status: 'filled', holder: nominationId, nominations };
  if (event.type === 'PostVacated') {
    const { holder: _holder, ...vacant } = base;
    return { ...vacant, status: 'vacant', nominations };
  }
  return { ...base, nominations };
}
