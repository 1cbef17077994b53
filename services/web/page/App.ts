import { ApiClient } from './api';
import { parseBoardKey } from '@tayari/shared/contract/boardKey';
import { BoardReads } from './BoardReads';
import { BoardStore } from './BoardStore';
import { h } from './dom';
import { FieldSync } from './FieldSync';
import { FirstScreen } from './FirstScreen';
import { Formats } from './Formats';
import type { Lang } from './i18n';
import { LiveClient, type ConnectionState } from './live';
import { hrefOf, parseRoute, type Route } from './route';
import type { Session } from './session/Session';
import { noteEnded } from './session/signIn';
import { restartOnNewRole, socketAuth } from './session/socketAuth';
import { takeToken, type Claims } from './token';
import { WingCatalogue } from './WingCatalogue';
import { Header } from './views/Header';
import { OutboxReport } from './views/OutboxReport';
import { routeBoards } from './views/routeBoards';
import { stampReports } from './views/report/ReportTools';
import { viewFor } from './views/viewFor';
import type { PageContext, View } from './views/PageContext';

/** The live board names of a view's board keys. */
const namesOf = (keys: readonly string[]) => new Set(keys.map((key) => parseBoardKey(key).board));
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
  private readonly reads: BoardReads;
  private header: Header | undefined;
  private report: OutboxReport | undefined;
  private readonly field: FieldSync;
  private readonly main = h('main', { id: 'main', tabindex: -1 });
  private view: View | undefined;
  private route: Route = { view: 'readiness' };
  private asOf: Date | undefined;
  private ended = false;
  private readonly screen = new FirstScreen({
    attach: () => this.placePage(),
    draw: () => this.view?.render(),
    holdsBoard: () => this.view?.boards.some((key) => this.store.get(key) !== undefined) ?? false,
  });
  private wasLive = false;
  private everLive = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly session: Session,
    private readonly claims: Claims,
    lang: Lang,
  ) {
    this.lang = lang;
    this.fmt = new Formats(lang);
    this.api = new ApiClient(session, (reason) => this.unauthorized(reason));
    restartOnNewRole(session, claims);
    // Boards are read again up to the last change the queue saved (the socket may still be coming back).
    this.field = new FieldSync(this.api, claims.sub, (position) => {
      for (const board of this.view?.boards ?? []) void this.reads.refresh(board, position).catch(() => undefined);
    });
    this.field.outbox.onChange(() => {
      this.showConnection();
      this.report?.update();
      // Before the page is on screen its first draw reads the queue as it then is: the queue's
      // load (IndexedDB, just after start) must not draw the board a second time before that.
      if (this.screen.shown) this.view?.render();
    });
    this.reads = new BoardReads({
      api: this.api,
      store: this.store,
      cache: this.field.boards,
      shown: (key) => this.view?.boards.includes(key) ?? false,
      draw: (key) => this.render(key),
      readWhileAway: (savedAt) => {
        this.asOf = savedAt ?? new Date();
        this.showConnection();
      },
      live: () => this.live.connection === 'live',
    });
    this.live = new LiveClient({
      ...socketAuth(session, (reason) => this.unauthorized(reason)),
      // Keys hold the filter too: `since` is only ever a position of the same board and filter.
      sinceOf: (key) => this.store.subscribeFrom(key),
      onBoard: (message, key) => this.reads.received(message, key, (board) => this.live.resubscribe(board)),
      onState: (state) => this.connectionChanged(state),
      onError: (error, key) => {
        // `since` is no position of this server's store (it was replaced): start the board over.
        if (error.code === 'bad-position' && error.board && key) {
          this.store.forgetLive(key);
          this.live.resubscribe(error.board);
        }
        if (error.code === 'unknown-board' && key && !this.store.get(key)) {
          this.reads.set(key, 'missing');
          this.view?.render();
        }
      },
    });
  }

  start(): void {
    // A bare address (a bookmark of the site) opens an in-charge on what needs them now.
    if (location.hash.replace(/^#/, '') === '' && this.claims.role === 'incharge') {
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hrefOf({ view: 'attention' })}`);
    }
    // The first boards and the wing names are asked for before anything is built (FirstScreen).
    const first = routeBoards(parseRoute(location.hash), this.claims);
    for (const key of first) void this.reads.first(key);
    void this.wings.load(
      this.api,
      () => this.ended,
      () => {
        this.showWing();
        // Not on screen yet: the first draw comes with the names.
        if (this.screen.shown) this.view?.render();
      },
      () => this.screen.namesAnswered(),
    );
    performance.mark('tayari:boards-asked');
    this.layout();
    addEventListener('hashchange', () => this.navigate(true));
    addEventListener('beforeprint', () => stampReports(this.context()));
    this.navigate(false);
    performance.mark('tayari:view-built');
    this.screen.start(first.length);
    // The socket connects once the first board is on screen: its set-up costs a slow phone's main
    // thread as much as the board's first cards take to draw, and the read it would race is already
    // answered (subscriptions start from the position read: nothing is missed).
    this.screen.whenShown(() => this.live.start());
    this.field.start();
    setInterval(() => this.view?.render(), TICK_MS);
    setInterval(() => {
      if (this.live.connection !== 'live') for (const board of this.view?.boards ?? []) void this.reads.refresh(board).catch(() => undefined);
    }, POLL_MS);
  }

  private context(): PageContext {
    return {
      lang: this.lang,
      fmt: this.fmt,
      claims: this.claims,
      api: this.api,
      outbox: this.field.outbox,
      store: this.store,
      wings: this.wings,
      now: () => new Date(),
      loadState: (board) => this.reads.state(board),
      refresh: (board, minPosition) => this.reads.refresh(board, minPosition),
      replaceRoute: (route) => this.replaceRoute(route),
    };
  }

  private layout(): void {
    document.documentElement.lang = this.lang;
    this.header = new Header(this.lang, this.fmt, this.claims, {
      switchLanguage: () => this.switchLanguage(),
      signOut: () => {
        if (!this.field.mayForget(this.lang)) return;
        noteEnded('signed-out');
        void Promise.allSettled([this.session.signOut(), this.field.forget()]).finally(() => location.reload());
      },
      sendNow: () => this.field.sendNow(),
      signedIn: this.session.signedIn,
    });
    this.report = new OutboxReport(this.lang, this.wings, this.field.outbox);
    this.header.showRoute(this.route);
    this.showWing();
    this.showConnection();
    if (this.screen.shown) this.placePage();
  }

  /** Puts the header, the queue's report and the view in the page; false while they are not made. */
  private placePage(): boolean {
    if (!this.header || !this.report) return false;
    this.root.replaceChildren(this.header.el, this.report.el, this.main);
    return true;
  }

  private showConnection(): void {
    const { waiting, busy } = this.field.outbox;
    this.header?.showConnection({ state: this.live.connection, asOf: this.asOf, waiting, sending: busy });
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
    if (/(^#|&)(token|invite)=/.test(location.hash)) {
      // A new link pasted into an open page: keep its token, or redeem its invitation after the reload, and start over as that person.
      if (/(^#|&)token=/.test(location.hash)) takeToken();
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
    const before = namesOf(this.view?.boards ?? []);
    this.route = route;
    // Asked for before the view is built: building it takes a phone longer than the server takes to answer.
    for (const key of routeBoards(route, this.claims)) void this.reads.first(key);
    this.view = viewFor(this.context(), route);
    this.header?.showRoute(route);
    const now = this.view.boards;
    const watched = namesOf(now);
    for (const board of before) if (!watched.has(board)) this.live.unwatch(board);
    for (const key of now) {
      // A board watched before with another filter gets the new one (one filter per board per socket).
      const { board, filter } = parseBoardKey(key);
      const first = this.reads.first(key);
      if (!first) this.live.watch(board, filter);
      // Subscribed once the first read is in, from its position: the socket then sends only what changed since.
      else
        void first.then(() => {
          if (this.view?.boards.includes(key)) this.live.watch(board, filter);
        });
    }
    this.main.replaceChildren(this.view.el);
    this.view.render();
  }

  /**
   * Shows another form of the same place (a programme's cards narrowed or not) without a new history
   * entry, and keeps the focus on the control that did it (matched by `data-focus-key`).
   */
  private replaceRoute(route: Route): void {
    const active = document.activeElement;
    const focusKey = active instanceof HTMLElement ? active.dataset.focusKey : undefined;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hrefOf(route)}`);
    this.mount(route);
    if (focusKey) this.view?.el.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
  }

  private showWing(): void {
    const code = this.claims.wing;
    this.header?.showWing(code && this.wings.has(code) ? this.wings.name(code, this.lang) : code);
  }

  private render(key: string): void {
    if (!this.view?.boards.includes(key) || !this.screen.mayDraw()) return;
    this.view.render();
    this.screen.attach();
  }

  private connectionChanged(state: ConnectionState): void {
    // Live data was current up to the moment the socket went away; after that, up to the last GET.
    if (state === 'live') this.asOf = undefined;
    else if (this.wasLive) this.asOf = new Date();
    if (state === 'live' && !this.wasLive && this.everLive) {
      // A resubscription with an unchanged `since` gets no snapshot, but the clock may have moved
      // boards meanwhile (overdue, at risk): one read brings those in too.
      for (const board of this.view?.boards ?? []) if (this.store.holdsWhole(board)) void this.reads.refresh(board).catch(() => undefined);
    }
    this.wasLive = state === 'live';
    this.everLive ||= this.wasLive;
    this.showConnection();
    this.field.connectionChanged(state);
  }

  /** The token was refused for good (revoked, renewal refused, link ended): forgotten here; the sign-in page says why. */
  private unauthorized(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.live.stop();
    this.session.forget();
    noteEnded(reason);
    location.reload();
  }
}
