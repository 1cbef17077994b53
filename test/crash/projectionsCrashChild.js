/**
 * Child of test/crash/projections.crash.test.ts, run under plain node against the compiled output:
 *   node test/crash/projectionsCrashChild.js <dataDir> <run>
 * Starts the whole service (createTayari) on dataDir, waits until the projections caught up with
 * the events already there, prints "ready <head>", then appends a burst of commands over HTTP with
 * several requests in flight, forever, until the parent kills it (SIGKILL).
 */
const { configFromEnv } = require('@tayari/app/config');
const { createTayari } = require('@tayari/app/createTayari');
// Seeded, so that each run's mix is repeatable.
const { seededRandom: random } = require('@tayari/shared/testing/seededRandom');

const [dataDir, runText] = process.argv.slice(2);
const run = Number(runText);
const WORKERS = 16;

async function main() {
  const config = configFromEnv({
    TAYARI_DATA: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    TAYARI_DEMO: '0',
    TAYARI_JWT_SECRET: 'crash-test-secret-0123456789abcdefghijklmnop',
    TAYARI_RATE_LIMIT: '0',
  });
  const tayari = await createTayari({ config });
  const head = await tayari.store.headPosition();
  if (head !== undefined && !(await tayari.reads.waitFor(head, 30000))) throw new Error('projections did not catch up');
  process.stdout.write(`ready ${head ?? '0'}\n`);

  const token = await tayari.verifier.issue({ sub: 'crash', name: 'क्रैश टेस्ट', role: 'incharge' }, 3600);
  const post = async (path, body) => {
    const res = await fetch(`${tayari.url}/api${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.ok;
  };

  // Work on earlier runs' programmes too, so that documents written before a kill change after it.
  const listed = await fetch(`${tayari.url}/api/programmes`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
  const programmes = listed.programmes.map((p) => p.id);
  const tasks = [];
  const responsibilities = [];
  const wings = ['adivasi', 'youth', 'mahila', 'nsui', 'kisan', 'sc', 'it-cell', 'media'];
  const rnd = random(run * 7919 + 1);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const day = (offset) => new Date(Date.UTC(2030, 0, 1) + offset * 3600_000).toISOString();
  let n = 0;

  async function step(worker) {
    const id = `r${run}w${worker}n${++n}`;
    const roll = rnd();
    if (programmes.length < 2 || roll < 0.06) {
      if (rnd() < 0.5) {
        await post('/tours', { id, title: `दौरा ${id}`, leader: 'नेता जी' });
        await post(`/tours/${id}/stops`, {
          stopId: 's1',
          place: 'Jagdalpur',
          district: 'Bastar',
          venue: 'Lalbagh',
          startsAt: day(n * 10),
          endsAt: day(n * 10 + 2),
          hostWing: 'adivasi',
        });
      } else {
        await post('/meetings', { id, title: `बैठक ${id}`, venue: 'Rajiv Bhawan', startsAt: day(n * 10), chairs: ['अध्यक्ष'] });
      }
      programmes.push(id);
    } else if (roll < 0.3) {
      if (await post('/tasks', { id, programmeId: pick(programmes), wing: pick(wings), title: `काम ${id}`, dueAt: day(n) })) tasks.push(id);
    } else if (roll < 0.4) {
      if (await post(`/programmes/${pick(programmes)}/responsibilities`, { id, wing: pick(wings), duty: 'crowd mobilisation' })) responsibilities.push(id);
    } else if (roll < 0.75 && tasks.length > 0) {
      const status = pick(['in_progress', 'blocked', 'done', 'todo']);
      await post(`/tasks/${pick(tasks)}/status`, status === 'blocked' ? { status, reason: 'waiting' } : { status, note: `→ ${status}` });
    } else if (roll < 0.85 && tasks.length > 0) {
      await post(`/tasks/${pick(tasks)}/notes`, { text: `टिप्पणी ${id}` });
    } else if (roll < 0.9 && responsibilities.length > 0) {
      await post(`/responsibilities/${pick(responsibilities)}/${rnd() < 0.5 ? 'acknowledge' : 'reassign'}`, rnd() < 0.5 ? {} : { wing: pick(wings) });
    } else if (roll < 0.94 && tasks.length > 0) {
      await post(`/tasks/${pick(tasks)}/cancel`, { reason: 'not needed' });
    } else if (roll < 0.96) {
      await post('/wings', { code: `w${id}`.toLowerCase().slice(0, 32), name: { en: `Cell ${id}`, hi: 'प्रकोष्ठ' }, kind: 'cell' });
    } else if (rnd() < 0.5) {
      await post(`/tours/${pick(programmes)}/stops`, {
        place: 'Kanker',
        district: 'Kanker',
        venue: 'Ground',
        startsAt: day(5000 + n * 3),
        endsAt: day(5001 + n * 3),
      });
    } else {
      await post(`/meetings/${pick(programmes)}/reschedule`, { startsAt: day(n * 10 + 1) });
    }
  }

  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      for (;;) await step(worker);
    }),
  );
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ? error.stack : error}\n`);
  process.exit(1);
});
