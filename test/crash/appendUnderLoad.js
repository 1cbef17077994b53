/**
 * Crash-test child (plain node, no build step of its own): opens the embedded SQLite event store on
 * the folder given as argv[2], from the compiled output in shared/dist, and appends under load until
 * it is killed: several streams at once, batches of 1–3 events, each at the stream's exact version.
 * Prints `ready` once open and the streams' versions are read, then one JSON line per ACKNOWLEDGED
 * append: {stream, version, ids, batch}.
 * Every event of an append carries the append's batch id and size in its metadata, so that the
 * parent can tell a torn batch. Streams continue where an earlier run left them.
 */

const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { SqliteEventStore } = require('../../shared/dist/eventstore/sqlite/SqliteEventStore.js');

const STREAMS = 6;

async function appendLoop(store, stream, startVersion) {
  let version = startVersion;
  for (;;) {
    const size = 1 + Math.floor(Math.random() * 3);
    const batch = randomUUID();
    const events = Array.from({ length: size }, (_, index) => ({
      id: randomUUID(),
      type: 'CrashTested',
      data: { text: 'दुर्घटना परीक्षा', index },
      metadata: { batch, size, index },
    }));
    const result = await store.append(stream, events, version === 0 ? 'no_stream' : version);
    version = result.version;
    // Written synchronously to the pipe (POSIX), so a line printed is a line the parent gets.
    process.stdout.write(`${JSON.stringify({ stream, version, ids: events.map((event) => event.id), batch })}\n`);
  }
}

async function main() {
  const folder = process.argv[2];
  if (!folder) throw new Error('usage: appendUnderLoad.js <folder>');
  const store = await SqliteEventStore.open({ file: path.join(folder, 'events.db') });
  const streams = Array.from({ length: STREAMS }, (_, i) => `crash-${i}`);
  // Continue each stream where the previous run left it.
  const versions = await Promise.all(streams.map(async (stream) => (await store.readStream(stream)).length));
  process.stdout.write('ready\n');
  await Promise.all(streams.map((stream, i) => appendLoop(store, stream, versions[i])));
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
