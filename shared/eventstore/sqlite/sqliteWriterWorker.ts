/**
 * The writer thread: holds the only write connection, so that the fsync of each commit
 * (synchronous=FULL) happens off the main thread. Driven by `WorkerWriter` (see writerProtocol).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './openDatabase';
import { SqliteWriter } from './SqliteWriter';
import { sqliteCodeOf } from './StoreFull';
import type { FromWriter, ToWriter } from './writerProtocol';

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('sqliteWriterWorker must run in a worker thread');
  const file: unknown = (workerData as { file?: unknown } | null)?.file;
  if (typeof file !== 'string') throw new Error('sqliteWriterWorker needs workerData.file');

  const db = openDatabase(file);
  const writer = new SqliteWriter(db);
  const send = (message: FromWriter): void => port.postMessage(message);

  const handle = (message: ToWriter): void => {
    switch (message.type) {
      case 'batch':
        send({ type: 'committed', id: message.id, outcomes: writer.runBatch(message.appends) });
        return;
      case 'put':
        writer.putIdempotency(message.record, message.body);
        send({ type: 'done', id: message.id, count: 1 });
        return;
      case 'prune':
        send({ type: 'done', id: message.id, count: writer.prune(message.nowMs) });
        return;
      case 'max-page-count':
        send({ type: 'done', id: message.id, count: writer.setMaxPageCount(message.pages) });
        return;
      case 'close':
        writer.rollback();
        db.close();
        send({ type: 'closed', id: message.id });
        port.close();
        return;
    }
  };

  port.on('message', (message: ToWriter) => {
    try {
      handle(message);
    } catch (error) {
      try {
        writer.rollback();
      } catch {
        // The connection is broken; the failure below says why.
      }
      send({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error), code: sqliteCodeOf(error) });
    }
  });
  send({ type: 'ready' });
}

main();
