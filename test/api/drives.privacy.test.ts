import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rebuildStores } from '@tayari/app/split/rebuildStores';
import { SqliteKeyVault } from '@tayari/shared/drives/vault/SqliteKeyVault';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import { expectAnswer, expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { driveFixtures, person } from './driveFixtures';

/** SPEC v2: names and phones sealed, read by in-charges only, and gone for good once forgotten. */
let h: ApiHarness;
let f: ReturnType<typeof driveFixtures>;
beforeAll(async () => {
  h = await startApi({ idPrefix: 'privacy' });
  f = driveFixtures(h);
  await f.launch('dp');
  await f.enrol('dp', 'kept', 11);
  await f.enrol('dp', 'gone', 12, h.tokens.adivasiOrganiser);
});
afterAll(() => h.close());

const kept = person(11);
const gone = person(12);
/** The bytes of every file of a store (with its WAL), as a string to search. */
const bytesOf = (prefix: string) =>
  readdirSync(h.dataDir)
    .filter((file) => file.startsWith(prefix))
    .map((file) => readFileSync(join(h.dataDir, file)).toString('latin1'))
    .join('\n');
const inFile = (prefix: string, text: string) => bytesOf(prefix).includes(Buffer.from(text, 'utf8').toString('latin1'));
const keyIdOf = async (enrolmentId: string) => {
  const event = (await h.events()).find((e) => e.type === 'WorkerEnrolled' && JSON.stringify(e.data).includes(`"enrolmentId":"${enrolmentId}"`));
  const data = event?.data;
  if (typeof data === 'object' && data !== null && 'keyId' in data && typeof data.keyId === 'string') return data.keyId;
  throw new Error(`no WorkerEnrolled for ${enrolmentId}`);
};

test('only in-charges read names and phones (normalised); others read counts', async () => {
  const list = await f.list('dp');
  expect(list.map((e) => [e.id, e.name, e.phone])).toEqual([
    ['kept', kept.name, `+91${kept.phone}`],
    ['gone', gone.name, `+91${gone.phone}`],
  ]);
  expect(list[1]).toMatchObject({ unit: 'cg-bastar', wing: 'adivasi', booth: 'Booth 112', enrolledBy: { sub: 'u-adivasi-org' } });
  for (const token of [h.tokens.observer, h.tokens.adivasiLead, h.tokens.adivasiOrganiser]) {
    expectProblem(await h.get('/drives/dp/enrolments', token), 403, 'forbidden-incharge');
  }
  const board = await h.get('/drives/dp/board', h.tokens.observer);
  expect(board.text).not.toContain(kept.phone);
  expect(board.text).not.toContain('सुनीता');
  expectProblem(await h.get('/drives/nope/enrolments', h.tokens.incharge), 404, 'drive-not-found');
});

test('no name or phone ever reaches the event store or the read store files', async () => {
  await h.tayari.reads.waitFor((await h.tayari.store.headPosition()) ?? '0', 5000);
  for (const store of ['events.db', 'read.db']) {
    for (const text of [kept.name, kept.phone, gone.name, gone.phone]) expect(inFile(store, text)).toBe(false);
  }
});

test('forget deletes the key: name and phone are gone from every read and the key file; counts stay', async () => {
  const before = await f.board('dp');
  const goneKey = await keyIdOf('gone');
  expectAnswer(await h.post('/drives/dp/enrolments/gone/forget', h.tokens.incharge, { reason: 'asked to be removed' }), 200);
  const list = await f.list('dp');
  expect(list[1]).toMatchObject({ id: 'gone', forgotten: true });
  expect(list[1]?.name).toBeUndefined();
  expect(list[1]?.phone).toBeUndefined();
  expect(list[0]?.name).toBe(kept.name);
  const after = await f.board('dp');
  expect({ ...after, position: '' }).toEqual({ ...before, position: '', drive: { ...before.drive } });
  const vault = new SqliteKeyVault(join(h.dataDir, 'keys.db'));
  try {
    expect((await vault.get([goneKey])).size).toBe(0);
    expect((await vault.get([await keyIdOf('kept')])).size).toBe(1);
  } finally {
    await vault.close();
  }
  // The sealed data is dropped from the read store's row too.
  const rows = await h.tayari.reads.driveEnrolments('dp');
  const gone = rows?.rows.find((row) => row.enrolmentId === 'gone');
  expect(gone).toBeDefined();
  expect(gone?.sealed).toBeUndefined();
  expect(gone?.keyId).toBeUndefined();
});

test('a rebuild of the read models (npm run rebuild: drop them, replay every event) does not bring them back', async () => {
  const dataDir = h.dataDir;
  await h.close(true);
  const events = await SqliteEventStore.open({ file: join(dataDir, 'events.db'), lock: join(dataDir, 'tayari.lock') });
  const readStore = new SqliteReadStore({ file: join(dataDir, 'read.db') });
  try {
    expect((await rebuildStores({ events, readStore })).applied).toBeGreaterThan(0);
  } finally {
    await readStore.close();
    await events.close();
  }
  h = await startApi({ dataDir, idPrefix: 'privacy-2' });
  f = driveFixtures(h);
  const list = await f.list('dp');
  expect(list.map((e) => [e.id, e.name, e.forgotten])).toEqual([
    ['kept', kept.name, undefined],
    ['gone', undefined, true],
  ]);
  expect((await f.board('dp')).total).toBe(2);
  for (const store of ['events.db', 'read.db']) {
    for (const text of [gone.name, gone.phone, kept.name, kept.phone]) expect(inFile(store, text)).toBe(false);
  }
});
