/** What the gateway reports for /metrics. */
export interface LiveStats {
  /** Open sockets. */
  connections: number;
  /** Watchers per board, for the boards someone watches. */
  subscriptions: Record<string, number>;
  /** Sockets whose pushes are being dropped until they drain. */
  staleConnections: number;
  /** Snapshots, updates and errors handed to sockets. */
  messagesSent: number;
  bytesSent: number;
  /** Times a slow socket went stale and its backlog was dropped. */
  droppedBacklogs: number;
  /** Pushes not sent because the socket was stale. */
  messagesDropped: number;
  /** Board reads, and their serialisations (one each, shared by all watchers). */
  boardReads: number;
  boardRenders: number;
  /** Handshakes refused, by HTTP status. */
  refusedUpgrades: Record<string, number>;
  /** Sockets cut off for not answering pings. */
  unresponsiveTerminated: number;
}

/** The running totals behind LiveStats, shared by the gateway's parts. */
export class LiveCounters {
  messagesSent = 0;
  bytesSent = 0;
  droppedBacklogs = 0;
  messagesDropped = 0;
  boardReads = 0;
  boardRenders = 0;
  unresponsiveTerminated = 0;
  readonly refusedUpgrades: Record<string, number> = {};

  refused(status: number): void {
    this.refusedUpgrades[status] = (this.refusedUpgrades[status] ?? 0) + 1;
  }
}
