import { byOrder } from '../../byOrder';
import { h, Keyed, setText, syncChildren } from '../../dom';
import { t } from '../../i18n';
import { unitNames, type UnitNames } from '../drive/unitNames';
import { keepFocus } from '../keepFocus';
import type { PageContext, View } from '../PageContext';
import { POSTS_BOARD } from '../routeBoards';
import { PostCard } from './PostCard';
import type { PostItem, PostsBoardPayload } from '../../types';

const BOARD = POSTS_BOARD;

/**
 * `#/posts` (SPEC v2 "posts and nominations"), live as `posts`: vacant posts first, each with its
 * nominations by stage and the moves the person may make; anyone may read.
 */
export class PostsView implements View {
  readonly el: HTMLElement;
  readonly heading: HTMLElement;
  readonly boards = [BOARD];
  private readonly list = h('div', { className: 'posts' });
  private readonly status = h('p', { className: 'notice', role: 'status' });
  private readonly cards: Keyed<PostItem, PostCard>;
  private names: UnitNames | undefined;

  constructor(private readonly ctx: PageContext) {
    const { lang } = ctx;
    this.heading = h('h2', { className: 'view-title', tabindex: -1 }, t(lang, 'postsTitle'));
    const reload = (position: string) => void ctx.refresh(BOARD, position).catch(() => undefined);
    this.cards = new Keyed(
      (post: PostItem) => post.id,
      (post) => new PostCard(ctx, post, reload),
    );
    this.el = h(
      'section',
      { className: 'view view-posts' },
      h('header', { className: 'view-head' }, this.heading, h('p', { className: 'muted' }, t(lang, 'postsIntro'))),
      this.status,
      this.list,
    );
    void unitNames(ctx.api)
      .then((names) => {
        this.names = names;
        this.render();
      })
      .catch(() => undefined);
  }

  render(): void {
    const { lang } = this.ctx;
    document.title = `${t(lang, 'postsTitle')} · ${t(lang, 'appName')}`;
    const data = this.ctx.store.get(BOARD)?.data as PostsBoardPayload | undefined;
    if (!data) {
      const load = this.ctx.loadState(BOARD);
      setText(this.status, load === 'error' || load === 'missing' ? t(lang, 'loadFailed') : t(lang, 'loading'));
      return;
    }
    // Keys may come in any order after a patch: `order` puts vacancies first.
    const posts = byOrder(data.posts);
    setText(this.status, posts.length === 0 ? t(lang, 'postsNone') : '');
    keepFocus(this.el, () => {
      const cards = this.cards.take(posts);
      for (const [post, card] of cards) card.update(post, this.names);
      syncChildren(
        this.list,
        cards.map(([, card]) => card.el),
      );
    });
  }
}
