import { createHash } from 'node:crypto';

/**
 * A name-based UUID (version 5 layout, SHA-1) from the command id and the event's index, so that a
 * retried command produces the same event ids and the store recognises the retry.
 */
export function eventId(commandId: string, index: number): string {
  const hash = createHash('sha1').update(`tayari:${commandId}:${index}`).digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
