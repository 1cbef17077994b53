import { LiveTestClient } from './testing/LiveTestClient';
import { eventually } from './testing/eventually';
import { startLiveGateway, type LiveHarness } from './testing/startLiveGateway';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live gateway: the protocol', () => {
  let live: LiveHarness;
  let client: LiveTestClient;
  beforeEach(async () => {
    live = await startLiveGateway({ options: { coalesceMs: 5, maxSubscriptionsPerConnection: 3 } });
    live.boards.put('readiness', '10', { programmes: [] });
    live.boards.put('programme:t1', '7', { title: 'Bastar yatra' });
    client = await LiveTestClient.connect(live.url(await live.token()));
  });
  afterEach(() => live.close());

  it('sends a snapshot at once on subscribe, then a merge patch whenever the board changes', async () => {
    client.subscribe('readiness');
    expect(await client.next()).toEqual({ type: 'snapshot', board: 'readiness', position: '10', data: { programmes: [] } });
    live.boards.set('readiness', '12', { programmes: ['t1'] });
    expect(await client.next((m) => m.type === 'patch')).toEqual({
      type: 'patch',
      board: 'readiness',
      from: '10',
      position: '12',
      patch: { programmes: ['t1'] },
    });
    expect(live.gateway.stats().subscriptions).toEqual({ readiness: 1 });
  });

  it('keeps Devanagari as it is', async () => {
    live.boards.put('wing:adivasi', '3', { name: 'आदिवासी कांग्रेस' });
    client.subscribe('wing:adivasi');
    expect((await client.next()).data).toEqual({ name: 'आदिवासी कांग्रेस' });
  });

  it('sends no snapshot when since equals the board position, and one when the client is behind', async () => {
    client.subscribe('readiness', '10');
    client.subscribe('programme:t1', '5');
    expect(await client.next((m) => m.board === 'programme:t1')).toMatchObject({ type: 'snapshot', position: '7' });
    live.boards.set('readiness', '11', { programmes: ['x'] });
    const readiness = await client.next((m) => m.board === 'readiness');
    expect(readiness).toMatchObject({ type: 'patch', from: '10', position: '11' });
    expect(client.about('readiness')).toHaveLength(1);
  });

  it('never sends a position below what the client last got for the board', async () => {
    client.subscribe('readiness');
    await client.next();
    // A lagging read (an older position) is not passed on.
    live.boards.set('readiness', '8', { programmes: ['old'] });
    live.boards.set('readiness', '9', { programmes: ['older'] });
    await pause(30);
    live.boards.set('readiness', '13', { programmes: ['new'] });
    await client.next((m) => m.position === '13');
    expect(client.about('readiness').map((m) => m.position)).toEqual(['10', '13']);
  });

  it('passes on a change at the same position (the clock moved), but not a read with nothing new', async () => {
    client.subscribe('programme:t1');
    await client.next();
    live.boards.announce('programme:t1');
    await pause(30);
    live.boards.set('programme:t1', '7', { title: 'Bastar yatra', overdue: 1 });
    expect(await client.next((m) => m.type === 'patch')).toMatchObject({ from: '7', position: '7', patch: { overdue: 1 } });
    expect(client.about('programme:t1')).toHaveLength(2);
  });

  it('sends nothing to a client ahead of the board (since above its position) until the board passes it', async () => {
    client.subscribe('readiness', '20');
    await pause(30);
    live.boards.set('readiness', '15', { programmes: ['behind'] });
    await pause(30);
    expect(client.received).toEqual([]);
    live.boards.set('readiness', '21', { programmes: ['ahead'] });
    expect(await client.next()).toMatchObject({ type: 'snapshot', position: '21' });
  });

  it('answers unknown-board for a board that does not exist or cannot exist, and keeps the socket', async () => {
    client.subscribe('programme:nope');
    expect(await client.next()).toMatchObject({ type: 'error', code: 'unknown-board', board: 'programme:nope' });
    client.subscribe('tasks');
    expect(await client.next((m) => m.board === 'tasks')).toMatchObject({ type: 'error', code: 'unknown-board' });
    client.subscribe('readiness');
    expect(await client.next((m) => m.type === 'snapshot')).toMatchObject({ board: 'readiness' });
    expect(live.gateway.stats().subscriptions).toEqual({ readiness: 1 });
  });

  it('answers bad messages with an error and keeps the connection up', async () => {
    const bad: [unknown, string][] = [
      ['not json', 'bad-json'],
      ['[1,2]', 'bad-message'],
      [{ type: 'dance' }, 'unknown-type'],
      [{ board: 'readiness' }, 'bad-message'],
      [{ type: 'subscribe' }, 'bad-message'],
      [{ type: 'subscribe', board: 'readiness', extra: true }, 'bad-message'],
      [{ type: 'subscribe', board: 'readiness', since: 10 }, 'bad-message'],
      [{ type: 'subscribe', board: 'readiness', since: 'ten' }, 'bad-position'],
    ];
    for (const [message, code] of bad) {
      const from = client.received.length;
      client.send(message);
      const error = await client.next(() => true, 2000, from);
      expect(error).toMatchObject({ type: 'error', code });
      expect(typeof error.message).toBe('string');
    }
    client.ws.send(Buffer.from('{"type":"subscribe","board":"readiness"}'), { binary: true });
    expect(await client.next((m) => m.code === 'bad-message' && /text/.test(m.message ?? ''))).toBeDefined();
    client.subscribe('readiness');
    expect(await client.next((m) => m.type === 'snapshot')).toMatchObject({ board: 'readiness', position: '10' });
  });

  it('refuses more subscriptions than allowed per connection', async () => {
    live.boards.put('wing:youth', '1', {});
    live.boards.put('wing:mahila', '1', {});
    for (const board of ['readiness', 'programme:t1', 'wing:youth']) client.subscribe(board);
    await eventually(() => client.received.length === 3);
    client.subscribe('wing:mahila');
    expect(await client.next((m) => m.type === 'error')).toMatchObject({ code: 'too-many-subscriptions', board: 'wing:mahila' });
    client.send({ type: 'unsubscribe', board: 'wing:youth' });
    client.subscribe('wing:mahila');
    expect(await client.next((m) => m.type === 'snapshot' && m.board === 'wing:mahila')).toBeDefined();
  });

  it('stops pushes after unsubscribe, and forgets the board once its patches are no longer kept', async () => {
    await live.close();
    live = await startLiveGateway({ options: { coalesceMs: 5, patchRetentionMs: 50 } });
    live.boards.put('readiness', '10', { programmes: [] });
    client = await LiveTestClient.connect(live.url(await live.token()));
    client.subscribe('readiness');
    await client.next();
    client.send({ type: 'unsubscribe', board: 'readiness' });
    await eventually(() => Object.keys(live.gateway.stats().subscriptions).length === 0);
    live.boards.set('readiness', '30', {});
    await pause(30);
    expect(client.received).toHaveLength(1);
    await pause(60);
    const reads = live.boards.readsOf('readiness');
    live.boards.set('readiness', '31', { n: 1 });
    await pause(30);
    expect(live.boards.readsOf('readiness')).toBe(reads);
  });

  it('sends a resuming client the patches it missed, a clock change at its own position included', async () => {
    client.subscribe('programme:t1');
    await client.next();
    live.boards.set('programme:t1', '8', { title: 'Bastar yatra', cards: { a: { status: 'todo' } } });
    await client.next((m) => m.position === '8');
    client.ws.close();
    live.boards.set('programme:t1', '8', { title: 'Bastar yatra', cards: { a: { status: 'todo', overdue: true } } });
    await pause(30);
    live.boards.set('programme:t1', '9', { title: 'Bastar yatra', cards: { a: { status: 'done', overdue: true }, b: { status: 'todo' } } });
    await pause(30);
    const back = await LiveTestClient.connect(live.url(await live.token()));
    back.subscribe('programme:t1', '8');
    await eventually(() => back.received.length === 2);
    expect(back.received.map((m) => m.type)).toEqual(['patch', 'patch']);
    expect(back.received[0]).toMatchObject({ from: '8', position: '8', patch: { cards: { a: { overdue: true } } } });
    const held = { position: '8', data: { title: 'Bastar yatra', cards: { a: { status: 'todo' } } } };
    back.received.unshift({ type: 'snapshot', board: 'programme:t1', ...held });
    expect(back.boardAt('programme:t1')).toEqual({ position: '9', data: (await live.boards.read('programme:t1'))?.data });
    back.ws.close();
  });

  it('sends a snapshot to a client resuming from before the patches kept', async () => {
    await live.close();
    live = await startLiveGateway({ options: { coalesceMs: 1, maxPatches: 2 } });
    live.boards.put('readiness', '10', { n: 10 });
    client = await LiveTestClient.connect(live.url(await live.token()));
    client.subscribe('readiness');
    await client.next();
    for (let n = 11; n <= 14; n++) {
      live.boards.set('readiness', String(n), { n });
      await client.next((m) => m.position === String(n));
    }
    const back = await LiveTestClient.connect(live.url(await live.token()));
    back.subscribe('readiness', '11');
    expect(await back.next()).toMatchObject({ type: 'snapshot', position: '14', data: { n: 14 } });
    back.subscribe('readiness', '13');
    expect(await back.next((m) => m.type === 'patch')).toMatchObject({ from: '13', position: '14', patch: { n: 14 } });
    back.ws.close();
  });

  it('resends a snapshot when the client subscribes again to a board it watches', async () => {
    client.subscribe('readiness');
    await client.next();
    client.subscribe('readiness');
    await eventually(() => client.received.length === 2);
    expect(client.received[1]).toMatchObject({ type: 'snapshot', position: '10' });
    client.subscribe('readiness', '10');
    await pause(30);
    expect(client.received).toHaveLength(2);
  });

  it('answers unavailable when a board cannot be read, and recovers later', async () => {
    live.boards.failing.add('readiness');
    client.subscribe('readiness');
    expect(await client.next()).toMatchObject({ type: 'error', code: 'unavailable', board: 'readiness' });
    live.boards.failing.delete('readiness');
    client.subscribe('readiness');
    expect(await client.next((m) => m.type === 'snapshot')).toMatchObject({ position: '10' });
  });

  it('shares one snapshot read between subscribers that arrive while it is in flight', async () => {
    let open: () => void = () => undefined;
    live.boards.gate = new Promise((resolve) => (open = resolve));
    const other = await LiveTestClient.connect(live.url(await live.token({ sub: 'p-2' })));
    client.subscribe('readiness');
    other.subscribe('readiness');
    await pause(20);
    open();
    await client.next();
    await other.next();
    expect(live.boards.readsOf('readiness')).toBe(1);
  });
});
