import WebSocket from 'ws';

export interface PatchFigures {
  /** The frame of one task's move, as the server built it (before permessage-deflate). */
  bytes: number;
  /** The snapshot of the same board, for scale. */
  snapshot_bytes: number;
}

/**
 * Watches `board`, then moves one task through the API and measures the frame that carries the
 * move: what every phone watching the board receives for it.
 */
export async function measurePatch(
  baseUrl: string,
  board: string,
  move: { token: string; taskId: string; status: string },
  watchToken: string,
): Promise<PatchFigures> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws?token=${watchToken}`);
  const frames: Buffer[] = [];
  let wake: (() => void) | undefined;
  socket.on('message', (data: Buffer) => {
    frames.push(data);
    wake?.();
  });
  const next = async (test: (message: { type?: string; position?: string }) => boolean, timeoutMs = 30_000): Promise<Buffer> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = frames.find((frame) => test(JSON.parse(frame.toString('utf8')) as { type?: string; position?: string }));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`measurePatch: no matching message on ${board}`);
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
    const response = await fetch(`${baseUrl}/api/tasks/${encodeURIComponent(move.taskId)}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${move.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: move.status }),
    });
    if (!response.ok) throw new Error(`measurePatch: the move answered ${response.status} ${await response.text()}`);
    const { position } = (await response.json()) as { position: string };
    const patch = await next((m) => m.type === 'patch' && m.position !== undefined && BigInt(m.position) >= BigInt(position));
    return { bytes: patch.length, snapshot_bytes: snapshot.length };
  } finally {
    socket.terminate();
  }
}
