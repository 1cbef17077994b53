/**
 * A catch-up subscription to $all has no natural end: when it ends or closes, the server or the
 * connection ended it (a restart, a leader change), and it is subscribed again.
 */
export class SubscriptionEnded extends Error {
  constructor(how: 'end' | 'close' = 'end') {
    super(`the subscription to $all ended (${how})`);
    this.name = 'SubscriptionEnded';
  }
}
