/**
 * Where a push names its board and position: the first bytes of a snapshot
 * `{"type":…,"board":"…","position":"…","data":…}` or of a patch `{"type":…,"board":"…","from":"…","position":"…","patch":…}`.
 */
export interface PushHead {
  type: string;
  board: string;
  position: string;
}

const HEAD_BYTES = 256;

/**
 * Reads type, board and position from the head of a pushed message without parsing its data: a
 * watcher process receives thousands of large boards a second and must not become the bottleneck.
 * Falls back to a full parse when the head is not in the expected order.
 */
export function pushHead(message: Buffer): PushHead | undefined {
  const head = message.subarray(0, HEAD_BYTES).toString('latin1');
  const type = field(head, 'type');
  const board = field(head, 'board');
  const position = field(head, 'position');
  if (type !== undefined && board !== undefined && position !== undefined) return { type, board: Buffer.from(board, 'latin1').toString('utf8'), position };
  try {
    const parsed = JSON.parse(message.toString('utf8')) as Partial<PushHead>;
    if (typeof parsed.type !== 'string') return undefined;
    return { type: parsed.type, board: String(parsed.board ?? ''), position: String(parsed.position ?? '') };
  } catch {
    return undefined;
  }
}

function field(head: string, name: string): string | undefined {
  const key = `"${name}":"`;
  const start = head.indexOf(key);
  if (start < 0) return undefined;
  const end = head.indexOf('"', start + key.length);
  return end < 0 ? undefined : head.slice(start + key.length, end);
}
