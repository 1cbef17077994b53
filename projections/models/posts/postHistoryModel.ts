import { PostEventSchema } from '@tayari/shared/posts/events';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import { defineLog } from '../../registry/LogModel';
import { HistoryEntrySchema } from '../history/historyModel';

/** A post's history: every event of its stream (its nominations' too), by position; same entries as a programme's. */
export const postHistoryModel = defineLog({
  name: 'postHistory',
  schema: HistoryEntrySchema,
  events: [PostEventSchema],
  entry: (event) => ({
    group: event.data.postId,
    key: positionKey(event.position),
    entry: { position: event.position, type: event.type, at: event.metadata.at, actor: event.metadata.actor, data: event.data },
  }),
});
