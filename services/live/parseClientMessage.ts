import type { RawData } from 'ws';
import { ClientMessageSchema, type ClientMessage } from './ClientMessage';
import type { LiveErrorCode } from './ServerMessage';

export type ParsedClientMessage = { ok: true; message: ClientMessage } | { ok: false; code: LiveErrorCode; message: string };

/** Turns a websocket frame into a client message, or says which error to answer. */
export function parseClientMessage(data: RawData, isBinary: boolean): ParsedClientMessage {
  if (isBinary) return { ok: false, code: 'bad-message', message: 'send JSON in text frames' };
  const text = Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: 'bad-json', message: 'the message is not JSON' };
  }
  const parsed = ClientMessageSchema.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, code: 'bad-message', message: 'a message is a JSON object' };
  }
  const type = 'type' in json ? json.type : undefined;
  if (type !== undefined && type !== 'subscribe' && type !== 'unsubscribe') {
    return { ok: false, code: 'unknown-type', message: 'type must be "subscribe" or "unsubscribe"' };
  }
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') || '(message)';
  return { ok: false, code: 'bad-message', message: `${path}: ${issue?.message ?? 'invalid'}` };
}
