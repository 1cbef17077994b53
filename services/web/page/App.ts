import { ApiClient, HttpError } from './api';
import { BoardStore } from './BoardStore';
import { h } from './dom';
import { Formats } from './Formats';
import { t, type Lang } from './i18n';
import { LiveClient, type BoardMessage, type ConnectionState } from './live';
import { parseRoute, type Route } from './route';
import { forgetToken, takeToken, type Claims } from './token';
import type { WingsPayload } from './types';
import { WingCatalogue } from './WingCatalogue';
import { Header } from './views/Header';
import type { BoardLoad, PageContext, View } from './views/PageContext';
import { ProgrammeView } from './views/ProgrammeView';
import { ReadinessView } from './views/ReadinessView';
import { WingView } from './views/WingView';

/** The GET that answers a board with the same shape as its live messages. */
function boardPath(board: string): string {
  if (board === 'readiness') return '/api/boards/readiness';
  const colon = board.indexOf(':');
  const kind = board.slice(0, colon);
  const key = encodeURIComponent(board.slice(colon + 1));
  return kind === 'programme' ? `/api/boards/programme/${key}` : `/api/boards/wing/${key}`;
}

const RETRY_MS = [1000, 2000, 5000, 10000, 30000];
/** Countdowns ("starts in 2 d 5 h") move with the clock, not only with events. */
const TICK_MS = 30_000;
/** While the socket is down, boards are read by GET this often so they do not go stale. */
const POLL_MS = 20_000;

/** The signed-in page: holds the data, the socket and the current view, and swaps views on navigation. */
export class App {
  private lang: Lang;
  private fmt: Formats;
  private readonly api: ApiClient;
  private readonly store = new BoardStore();
  private readonly wings = new WingCatalogue();
  private readonly live: LiveClient;
  private readonly loads = new Map<string, BoardLoad>();
  private readonly retries = new Map<string, number>();
  private header: Header | undefined;
  private readonly main = h('main', { id: 'main', tabindex: -1 });
  private view: View | undefined;
  private route: Route = { view: 'readiness' };
  private asOf: Date | undefined;
  private ended = false;
  private wasLive = false;
  private everLive = false;

  constructor(
    private readonly root: HTMLElement,
    token: string,
    private readonly claims: Claims,
    lang: Lang,
  ) {
    this.lang = lang;
    this.fmt = new Formats(lang);
    this.api = new ApiClient(token, () => this.unauthorized());
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.live = new LiveClient({
      url: `${scheme}//${location.host}/ws?token=${encodeURIComponent(token)}`,
      sinceOf: (board) => this.store.livePositionOf(board),
      onBoard: (message) => this.received(message),
      onState: (state) => this.connectionChanged(state),
      onError: (error) => {
        // `since` is no position of this server's store (it was replaced): start the board over.
        if (error.code === 'bad-position' && error.board) {
          this.store.forgetLive(error.board);
          this.live.resubscribe(error.board);
        }
        if (error.code === 'unknown-board' && error.board && !this.store.get(error.board)) {
          this.loads.set(error.board, 'missing');
          this.view?.render();
        }
      },
    });
  }

  start(): void {
    this.layout();
    addEventListener('hashchange', () => this.navigate(true));
    this.navigate(false);
    this.live.start();
    void this.loadWings();
    setInterval(() => this.view?.render(), TICK_MS);
    setInterval(() => {
      if (this.live.connection !== 'live') for (const board of this.view?.boards ?? []) void this.refresh(board).catch(() => undefined);
    }, POLL_MS);
  }

  private context(): PageContext {
    return {
      lang: this.lang,
      fmt: this.fmt,
      claims: this.claims,
      api: this.api,
      store: this.store,
      wings: this.wings,
      now: () => new Date(),
      loadState: (board) => this.loads.get(board) ?? 'loading',
      refresh: (board, minPosition) => this.refresh(board, minPosition),
    };
  }

  private layout(): void {
    document.documentElement.lang = this.lang;
    this.header = new Header(this.lang, this.fmt, this.claims, {
      switchLanguage: () => this.switchLanguage(),
      signOut: () => {
        forgetToken();
        location.reload();
      },
    });
    this.header.showRoute(this.route);
    this.showWing();
    this.header.showConnection(this.live.connection, this.asOf);
    this.root.replaceChildren(this.header.el, this.main);
  }

  private switchLanguage(): void {
    this.lang = this.lang === 'en' ? 'hi' : 'en';
    this.fmt = new Formats(this.lang);
    const url = new URL(location.href);
    url.searchParams.set('lang', this.lang);
    history.replaceState(history.state, '', url);
    this.layout();
    this.mount(parseRoute(location.hash));
    this.header?.langButton.focus();
  }

  private navigate(moveFocus: boolean): void {
    if (this.ended) return;
    if (/(^#|&)token=/.test(location.hash)) {
      // A new link pasted into an open page: keep its token (and clean the address), then start over as that person.
      takeToken();
      location.reload();
      return;
    }
    this.mount(parseRoute(location.hash));
    if (moveFocus) {
      scrollTo(0, 0);
      this.view?.heading.focus({ preventScroll: true });
    }
  }

  private mount(route: Route): void {
    const before = this.view?.boards ?? [];
    this.route = route;
    const ctx = this.context();
    this.view =
      route.view === 'programme' ? new ProgrammeView(ctx, route.id) : route.view === 'wing' ? new WingView(ctx, route.code ?? this.ownWing()) : new ReadinessView(ctx);
    this.header?.showRoute(route);
    const now = this.view.boards;
    for (const board of before) if (!now.includes(board)) this.live.unwatch(board);
    for (const board of now) {
      this.live.watch(board);
      if (!this.store.get(board)) void this.load(board);
    }
    this.main.replaceChildren(this.view.el);
    this.view.render();
  }

  private showWing(): void {
    const code = this.claims.wing;
    this.header?.showWing(code && this.wings.has(code) ? this.wings.name(code, this.lang) : code);
  }

  /** A wing lead or organiser opening "Wings" sees their own wing first. */
  private ownWing(): string | undefined {
    return this.claims.wing;
  }

  private render(board: string): void {
    if (this.view?.boards.includes(board)) this.view.render();
  }

  /** A live message: a snapshot replaces the board, a patch moves it on, or shows that one was missed. */
  private received(message: BoardMessage): void {
    const { board } = message;
    if (message.type === 'snapshot') {
      this.store.snapshot(board, message.position, message.data);
    } else {
      const outcome = this.store.patch(board, message.from, message.position, message.patch);
      // Something was lost on the way: the page keeps what it shows until a fresh snapshot comes.
      if (outcome === 'missed') this.live.resubscribe(board);
      if (outcome !== 'applied') return;
    }
    this.loads.set(board, 'ready');
    this.render(board);
  }

  /** First load of a board by GET (the socket may be slower, or down); retried while it is shown. */
  private async load(board: string): Promise<void> {
    try {
      await this.refresh(board);
      this.retries.delete(board);
    } catch (error) {
      if (error instanceof HttpError && (error.status === 404 || error.status === 401 || error.status === 403)) {
        this.loads.set(board, 'missing');
        this.render(board);
        return;
      }
      if (!this.store.get(board)) this.loads.set(board, 'error');
      this.render(board);
      const attempt = this.retries.get(board) ?? 0;
      this.retries.set(board, attempt + 1);
      setTimeout(() => {
        if (this.view?.boards.includes(board) && !this.store.get(board)) void this.load(board);
      }, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
    }
  }

  private async refresh(board: string, minPosition?: string): Promise<void> {
    const query = minPosition === undefined ? '' : `?minPosition=${encodeURIComponent(minPosition)}`;
    const body = await this.api.get<{ position: string }>(`${boardPath(board)}${query}`);
    const taken = this.store.read(board, String(body.position), body);
    this.loads.set(board, 'ready');
    if (this.live.connection !== 'live') {
      this.asOf = new Date();
      this.header?.showConnection(this.live.connection, this.asOf);
    }
    if (taken) this.render(board);
  }

  private async loadWings(): Promise<void> {
    for (let attempt = 0; !this.ended; attempt++) {
      try {
        const body = await this.api.get<WingsPayload>('/api/wings');
        this.wings.set(body.wings);
        this.showWing();
        this.view?.render();
        return;
      } catch (error) {
        if (error instanceof HttpError && error.status < 500 && error.status !== 429) return;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      }
    }
  }

  private connectionChanged(state: ConnectionState): void {
    // Live data was current up to the moment the socket went away; after that, up to the last GET.
    if (state === 'live') this.asOf = undefined;
    else if (this.wasLive) this.asOf = new Date();
    if (state === 'live' && !this.wasLive && this.everLive) {
      // A resubscription with an unchanged `since` gets no snapshot, but the clock may have moved
      // boards meanwhile (overdue, at risk): one read brings those in too.
      for (const board of this.view?.boards ?? []) if (this.store.get(board)) void this.refresh(board).catch(() => undefined);
    }
    this.wasLive = state === 'live';
    this.everLive ||= this.wasLive;
    this.header?.showConnection(state, this.asOf);
  }

  /** The server refused the token (expired, or the server's secret changed): ask for a new link. */
  private unauthorized(): void {
    if (this.ended) return;
    this.ended = true;
    this.live.stop();
    forgetToken();
    const notice = h('p', { className: 'notice notice-error', role: 'alert' }, t(this.lang, 'badToken'));
    this.main.replaceChildren(h('section', { className: 'view' }, notice));
  }
}
