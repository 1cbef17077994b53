import { PostEventSchema } from '@tayari/shared/posts/events';
import type { BoardName } from '../../BoardSource';
import { defineRows } from '../../registry/RowModel';
import { evolvePost } from './evolvePost';
import { PostRowSchema } from './PostRow';

/** A row per post with its nominations; every change shows on the `posts` board. */
export const postsModel = defineRows({
  name: 'posts',
  schema: PostRowSchema,
  events: [PostEventSchema],
  key: (event) => event.data.postId,
  evolve: evolvePost,
  *boards(): Iterable<BoardName> {
    yield 'posts';
  },
});
