import WebSocket from 'ws';

export interface PatchFigures {
  /** The frame of one task's move, as the server built it (before permessage-deflate). */
  bytes: number;
  /** The snapshot of the same board, for scale. */
  snapshot_bytes: number;
}

/**
 * Watches `board`, then moves one task through the API and measures the frame that carries the
 * move: what every phone watching the board receives for it. The gateway may answer a move with a
 * fresh snapshot instead (a watcher it judged behind, on a loaded machine): then the next task is
 * moved, up to three times.
 */
export async function measurePatch(
  baseUrl: string,
  board: string,
  moves: readonly { token: string; taskId: string; status: string }[],
  watchToken: string,
): Promise<PatchFigures> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws?token=${watchToken}`);
  const frames: Buffer[] = [];
  let wake: (() => void) | undefined;
  socket.on('message', (data: Buffer) => {
    frames.push(data);
    wake?.();
  });
  const next = async (test: (message: { type?: string; position?: string }) => boolean, timeoutMs = 30_000): Promise<Buffer | undefined> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = frames.find((frame) => test(JSON.parse(frame.toString('utf8')) as { type?: string; position?: string }));
      if (found) return found;
      if (Date.now() > deadline) return undefined;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 200);
      });
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'subscribe', board }));
    const snapshot = await next((m) => m.type === 'snapshot');
    if (!snapshot) throw new Error(`measurePatch: no snapshot of ${board} within 30 s`);
    const refused: string[] = [];
    for (const move of moves.slice(0, 3)) {
      const response = await fetch(`${baseUrl}/api/tasks/${encodeURIComponent(move.taskId)}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${move.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: move.status }),
      });
      if (!response.ok) {
        refused.push(`${move.taskId}: ${response.status} ${await response.text()}`);
        continue;
      }
      const { position } = (await response.json()) as { position: string };
      const reached = (m: { type?: string; position?: string }) => m.position !== undefined && BigInt(m.position) >= BigInt(position);
      const answer = await next((m) => (m.type === 'patch' || m.type === 'snapshot') && reached(m), 15_000);
      const message = answer && (JSON.parse(answer.toString('utf8')) as { type?: string });
      if (answer && message?.type === 'patch') return { bytes: answer.length, snapshot_bytes: snapshot.length };
    }
    throw new Error(`measurePatch: no move on ${board} came as a patch${refused.length > 0 ? ` (refused: ${refused.join('; ')})` : ''}`);
  } finally {
    socket.terminate();
  }
}
