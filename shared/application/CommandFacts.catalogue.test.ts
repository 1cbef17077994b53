import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManualClock } from '../common/clock';
import { SqliteEventStore } from '../eventstore/sqlite/SqliteEventStore';
import { CommandBus } from './CommandBus';
import { CommandFacts } from './CommandFacts';
import { CATALOGUE_STREAM_ID, wingsAggregate } from '../wings/wingsAggregate';

describe('CommandFacts: the wing catalogue', () => {
  let folder: string;
  let store: SqliteEventStore;
  let bus: CommandBus;
  let catalogueReads: number;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-facts-'));
    const clock = new ManualClock('2018-06-20T00:00:00.000Z');
    store = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer: 'inline', lock: false, now: () => clock.now() });
    const readStream = store.readStream.bind(store);
    catalogueReads = 0;
    store.readStream = (streamId) => {
      if (streamId === wingsAggregate.stream(CATALOGUE_STREAM_ID)) catalogueReads++;
      return readStream(streamId);
    };
    bus = new CommandBus({ store, clock });
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const register = (code: string) =>
    bus.execute({
      aggregate: wingsAggregate,
      streamId: wingsAggregate.stream(CATALOGUE_STREAM_ID),
      command: { type: 'RegisterWing', code, name: { en: code, hi: code }, kind: 'cell' },
      id: code,
      creates: true,
      context: async () => undefined,
      meta: { actor: { sub: 'u', name: 'U', role: 'incharge' }, commandId: `register-${code}`, correlationId: 'c' },
    });

  it('answers the default wings, and no wing at all, without reading the stream', async () => {
    const facts = new CommandFacts(bus);
    expect((await facts.wingsKnowing(['adivasi', 'media'])).has('adivasi')).toBe(true);
    expect((await facts.wingsKnowing([undefined])).size).toBe(12);
    expect(catalogueReads).toBe(0);
  });

  it('reads the stream for a code it does not know, then keeps what it read', async () => {
    const facts = new CommandFacts(bus);
    await register('legal');
    catalogueReads = 0;
    expect((await facts.wingsKnowing(['legal'])).has('legal')).toBe(true);
    expect((await facts.wingsKnowing(['legal', 'youth'])).has('legal')).toBe(true);
    expect(catalogueReads).toBe(1);
  });

  it('reads again for an unknown code each time, so a wing registered meanwhile is found', async () => {
    const facts = new CommandFacts(bus);
    expect((await facts.wingsKnowing(['legal'])).has('legal')).toBe(false);
    await register('legal');
    expect((await facts.wingsKnowing(['legal'])).has('legal')).toBe(true);
  });
});
