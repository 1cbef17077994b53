import { h, setAttr, setText } from '../dom';
import { t, type Lang, type MessageKey } from '../i18n';
import type { Formats } from '../Formats';
import type { ConnectionState } from '../live';
import { hrefOf, type Route } from '../route';
import type { Claims } from '../token';

export interface HeaderActions {
  switchLanguage(): void;
  signOut(): void;
  /** The person signed in with an invitation (a refresh token is kept): "Sign out" rather than "Forget this link". */
  signedIn?: boolean;
  /** Sends the offline queue now. */
  sendNow?(): void;
}

/** What the connection indicator tells: the socket's state, how old the data is, and what waits to be sent. */
export interface ConnectionView {
  state: ConnectionState;
  asOf: Date | undefined;
  waiting: number;
  sending: boolean;
}

const CONNECTION_KEY: Record<ConnectionState, MessageKey> = {
  connecting: 'connConnecting',
  live: 'connLive',
  reconnecting: 'connReconnecting',
  offline: 'connOffline',
};

/** The top bar: name, navigation, who is signed in, the connection state and the language switch. */
export class Header {
  readonly el: HTMLElement;
  readonly langButton: HTMLButtonElement;
  private readonly navAttention: HTMLAnchorElement;
  private readonly navReadiness: HTMLAnchorElement;
  private readonly navWings: HTMLAnchorElement;
  private readonly navArchive: HTMLAnchorElement;
  /** The enrolment drive and posts (SPEC v2): boards every role reads. */
  private readonly navDrive: HTMLAnchorElement;
  private readonly navPosts: HTMLAnchorElement;
  /** "My tasks" and "People" (SPEC v2 "people and access"): only for those who have tasks, and who manage people. */
  private readonly navMine: HTMLAnchorElement | undefined;
  private readonly navPeople: HTMLAnchorElement | undefined;
  private readonly conn = h('p', { className: 'conn', role: 'status', 'aria-live': 'polite' });
  private readonly connText = h('span', { className: 'conn-text' });
  private readonly waitingText = h('span', { className: 'conn-waiting', hidden: true });
  private readonly sendNow: HTMLButtonElement;
  private readonly wingName = h('span', { className: 'who-wing', hidden: true });

  constructor(
    private readonly lang: Lang,
    private readonly fmt: Formats,
    claims: Claims | undefined,
    actions: HeaderActions,
  ) {
    this.langButton = h('button', { type: 'button', className: 'btn btn-quiet lang-switch', lang: lang === 'en' ? 'hi' : 'en' }, t(lang, 'otherLanguage'));
    this.langButton.setAttribute('aria-label', `${t(lang, 'language')}: ${t(lang, 'otherLanguage')}`);
    this.langButton.addEventListener('click', () => actions.switchLanguage());
    // A wing's people see what needs attention in their own wing.
    const ownWing = claims && (claims.role === 'wing-lead' || claims.role === 'organiser') ? claims.wing : undefined;
    this.navAttention = h('a', { href: hrefOf({ view: 'attention', ...(ownWing ? { filter: { wing: ownWing } } : {}) }) }, t(lang, 'navAttention'));
    this.navReadiness = h('a', { href: hrefOf({ view: 'readiness' }) }, t(lang, 'navReadiness'));
    this.navWings = h('a', { href: hrefOf({ view: 'wing', ...(claims?.wing ? { code: claims.wing } : {}) }) }, t(lang, 'navWings'));
    this.navArchive = h('a', { href: hrefOf({ view: 'archive' }) }, t(lang, 'navArchive'));
    this.navDrive = h('a', { href: hrefOf({ view: 'drive' }), className: 'nav-drive' }, t(lang, 'navDrive'));
    this.navPosts = h('a', { href: hrefOf({ view: 'posts' }), className: 'nav-posts' }, t(lang, 'navPosts'));
    const role = claims?.role;
    this.navMine = role && role !== 'observer' ? h('a', { href: hrefOf({ view: 'mine' }), className: 'nav-mine' }, t(lang, 'navMine')) : undefined;
    this.navPeople =
      role === 'incharge' || role === 'wing-lead' ? h('a', { href: hrefOf({ view: 'people' }), className: 'nav-people' }, t(lang, 'navPeople')) : undefined;
    this.sendNow = h('button', { type: 'button', className: 'btn btn-quiet send-now', hidden: true }, t(lang, 'sendNow'));
    this.sendNow.addEventListener('click', () => actions.sendNow?.());
    this.conn.append(h('span', { className: 'dot', 'aria-hidden': 'true' }), this.connText, this.waitingText);
    const tools = h('div', { className: 'tools' }, this.langButton);
    let who: HTMLElement | undefined;
    if (claims) {
      // One tap must not sign a person out of a link they may not have any more (issue 14): ask first.
      const session = actions.signedIn === true;
      const signOut = h(
        'button',
        { type: 'button', className: 'btn btn-quiet sign-out', 'aria-expanded': 'false' },
        t(lang, session ? 'signOutSession' : 'signOut'),
      );
      const yes = h('button', { type: 'button', className: 'btn btn-quiet sign-out-yes' }, t(lang, session ? 'signOutSessionYes' : 'signOutYes'));
      const no = h('button', { type: 'button', className: 'btn btn-quiet sign-out-no' }, t(lang, 'signOutNo'));
      const ask = h(
        'div',
        { className: 'sign-out-ask', role: 'group', hidden: true },
        h('p', {}, t(lang, session ? 'signOutSessionAsk' : 'signOutAsk')),
        yes,
        no,
      );
      const asking = (open: boolean) => {
        ask.hidden = !open;
        signOut.setAttribute('aria-expanded', String(open));
        (open ? no : signOut).focus();
      };
      signOut.addEventListener('click', () => asking(ask.hidden));
      no.addEventListener('click', () => asking(false));
      yes.addEventListener('click', () => actions.signOut());
      tools.append(signOut, ask);
      who = h(
        'p',
        { className: 'who' },
        h('span', { className: 'who-name' }, t(lang, 'signedInAs', { name: claims.name, role: t(lang, `role_${claims.role}`) })),
        this.wingName,
        claims.role === 'observer' ? h('span', { className: 'badge badge-muted' }, t(lang, 'readOnly')) : undefined,
      );
    }
    this.el = h(
      'header',
      { className: 'top' },
      h(
        'div',
        { className: 'top-row' },
        h(
          'p',
          { className: 'brand' },
          h('a', { href: hrefOf({ view: 'readiness' }) }, h('span', { lang: 'hi' }, 'तैयारी'), ' ', h('span', { lang: 'en', className: 'brand-en' }, 'Tayari')),
        ),
        claims
          ? h(
              'nav',
              { className: 'nav', 'aria-label': t(lang, 'appTagline') },
              this.navAttention,
              this.navReadiness,
              this.navWings,
              this.navDrive,
              this.navPosts,
              this.navArchive,
            )
          : undefined,
        // The person's own places, beside the boards: their tasks, and the people they manage.
        this.navMine || this.navPeople ? h('nav', { className: 'nav-own', 'aria-label': t(lang, 'navOwn') }, this.navMine, this.navPeople) : undefined,
        tools,
      ),
      claims ? h('div', { className: 'top-row top-status' }, who, this.conn, this.sendNow) : undefined,
    );
  }

  /** The wing a lead or organiser acts for, once the catalogue has its name. */
  showWing(name: string | undefined): void {
    this.wingName.hidden = !name;
    setText(this.wingName, name ? `(${name})` : '');
  }

  showRoute(route: Route): void {
    setAttr(this.navAttention, 'aria-current', route.view === 'attention' ? 'page' : undefined);
    setAttr(this.navReadiness, 'aria-current', route.view === 'readiness' ? 'page' : undefined);
    setAttr(this.navArchive, 'aria-current', route.view === 'archive' ? 'page' : undefined);
    setAttr(this.navWings, 'aria-current', route.view === 'wing' ? 'page' : undefined);
    setAttr(this.navDrive, 'aria-current', route.view === 'drive' ? 'page' : undefined);
    setAttr(this.navPosts, 'aria-current', route.view === 'posts' ? 'page' : undefined);
    if (this.navMine) setAttr(this.navMine, 'aria-current', route.view === 'mine' ? 'page' : undefined);
    if (this.navPeople) setAttr(this.navPeople, 'aria-current', route.view === 'people' ? 'page' : undefined);
  }

  showConnection({ state, asOf, waiting, sending }: ConnectionView): void {
    this.conn.dataset.state = state;
    this.conn.dataset.waiting = String(waiting);
    const label = t(this.lang, CONNECTION_KEY[state]);
    setText(this.connText, state !== 'live' && asOf ? `${label} · ${t(this.lang, 'connAsOf', { time: this.fmt.time(asOf) })}` : label);
    this.waitingText.hidden = waiting === 0;
    const count = waiting === 1 ? t(this.lang, 'waitingOne') : t(this.lang, 'waiting', { count: waiting });
    setText(this.waitingText, waiting === 0 ? '' : ` · ${sending ? t(this.lang, 'sendingQueue') : count}`);
    this.sendNow.hidden = waiting === 0;
    this.sendNow.disabled = sending;
  }
}
