import type { LiveClientOptions } from '../live';
import type { Claims } from '../token';
import type { Session } from './Session';

/**
 * The socket's side of the sign-in: its address carries the token of the moment, and a 4401 close
 * (SPEC v2: `token-stale`, `token expired`, `access-revoked`) renews the token and reconnects, or
 * ends the sign-in (`ended`, with the reason).
 */
export function socketAuth(session: Session, ended: (reason: string) => void): Pick<LiveClientOptions, 'url' | 'onRefused'> {
  let used = '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    url: () => {
      used = session.token;
      return `${scheme}//${location.host}/ws?token=${encodeURIComponent(used)}`;
    },
    onRefused: async (reason) => {
      const outcome = await session.recover(reason, used);
      if (outcome === 'ended') ended(session.endedBecause ?? reason);
      return outcome !== 'ended';
    },
  };
}

/** A renewal that brings another role, wing or name starts the page over as that person (SPEC: a role change takes effect at the next refresh). */
export function restartOnNewRole(session: Session, claims: Claims): void {
  session.onRenewed((now) => {
    if (now.sub !== claims.sub || now.role !== claims.role || now.wing !== claims.wing || now.name !== claims.name) location.reload();
  });
}
