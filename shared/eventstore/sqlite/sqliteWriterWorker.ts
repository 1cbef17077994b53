/**
 * The writer thread: holds the only write connection, so that the fsync of each commit
 * (synchronous=FULL) happens off the main thread. Driven by `WorkerWriter` (see writerProtocol).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './openDatabase';
import { needsBodies, SqliteWriter } from './SqliteWriter';
import { sqliteCodeOf } from './StoreFull';
import type { AppendOutcome, AppendRequest, FromWriter, ToWriter } from './writerProtocol';

interface OpenBatch {
  id: number;
  appends: AppendRequest[];
  outcomes: AppendOutcome[];
}

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('sqliteWriterWorker must run in a worker thread');
  const file: unknown = (workerData as { file?: unknown } | null)?.file;
  if (typeof file !== 'string') throw new Error('sqliteWriterWorker needs workerData.file');

  const db = openDatabase(file);
  const writer = new SqliteWriter(db);
  // A batch whose transaction is open while the main thread makes the idempotency bodies.
  let open: OpenBatch | undefined;
  const send = (message: FromWriter): void => port.postMessage(message);

  const handle = (message: ToWriter): void => {
    switch (message.type) {
      case 'batch': {
        writer.begin();
        const outcomes = writer.applyAll(message.appends);
        if (needsBodies(message.appends, outcomes)) {
          open = { id: message.id, appends: message.appends, outcomes };
          send({ type: 'outcomes', id: message.id, outcomes });
        } else {
          writer.commit();
          send({ type: 'committed', id: message.id, outcomes });
        }
        return;
      }
      case 'bodies': {
        const batch = takeOpen(message.id);
        writer.writeIdempotency(batch.appends, batch.outcomes, message.bodies);
        writer.commit();
        send({ type: 'committed', id: message.id, outcomes: batch.outcomes });
        return;
      }
      case 'abort':
        takeOpen(message.id);
        writer.rollback();
        send({ type: 'aborted', id: message.id });
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

  const takeOpen = (id: number): OpenBatch => {
    const batch = open;
    open = undefined;
    if (!batch || batch.id !== id) throw new Error(`no open batch ${id}`);
    return batch;
  };

  port.on('message', (message: ToWriter) => {
    try {
      handle(message);
    } catch (error) {
      open = undefined;
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
