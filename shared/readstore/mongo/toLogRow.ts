import type { LogWrite } from '../ReadStore';
import type { LogRow } from './MongoRows';
import { jsonValue } from './jsonValue';

/** The stored row of a log entry; the entry is normalised to JSON like the docs. */
export function toLogRow(write: LogWrite): LogRow {
  return { log: write.log, group: write.group, key: write.key, entry: jsonValue(write.entry, `${write.log} ${write.group}@${write.key}`) };
}
