import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManualClock } from '../common/clock';
import { SqliteEventStore } from '../eventstore/sqlite/SqliteEventStore';
import { peopleAggregate } from '../people/peopleAggregate';
import { CommandBus, type StreamReads } from './CommandBus';
import { CommandFacts } from './CommandFacts';

/** CommandFacts: the person a task's assignee names, read like every other fact and noted for the append conditions. */

let folder: string;
let store: SqliteEventStore;
let bus: CommandBus;

beforeEach(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-facts-'));
  const clock = new ManualClock('2018-06-20T00:00:00.000Z');
  store = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer: 'inline', lock: false, now: () => clock.now() });
  bus = new CommandBus({ store, clock });
});

afterEach(async () => {
  await store.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

test('a person who exists, with their name; one who does not; and each read is noted with its version', async () => {
  await bus.execute({
    aggregate: peopleAggregate,
    streamId: peopleAggregate.stream('kamla'),
    command: { type: 'AddPerson', personId: 'kamla', name: 'Kamla Dhruw', role: 'observer' },
    id: 'kamla',
    creates: true,
    context: async () => ({}),
    meta: { actor: { sub: 'u', name: 'U', role: 'incharge' }, commandId: 'add-kamla', correlationId: 'c' },
  });
  const reads: StreamReads = new Map();
  const facts = new CommandFacts(bus).recording(reads);
  expect(await facts.person('kamla')).toEqual({ exists: true, name: 'Kamla Dhruw' });
  expect(await facts.person('ghost')).toEqual({ exists: false });
  expect(await facts.person(undefined)).toBeUndefined();
  expect(reads).toEqual(
    new Map([
      [peopleAggregate.stream('kamla'), 1],
      [peopleAggregate.stream('ghost'), 0],
    ]),
  );
});
