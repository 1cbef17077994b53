import { ConcurrencyError } from '../../common/errors';
import type { RecordedEvent } from '../EventStore';
import { checkConditions } from './checkConditions';

const at = (streamId: string, version: number): RecordedEvent => ({
  id: `e${version}`,
  streamId,
  type: 'T',
  data: {},
  metadata: {},
  version,
  position: `${version}/${version}`,
});

/** Streams and their last events, as EventStoreDB would answer a backwards read of one event. */
const store = (versions: Record<string, number>) => async (streamId: string) =>
  versions[streamId] === undefined ? undefined : at(streamId, versions[streamId] ?? 0);

describe('checkConditions: append conditions on EventStoreDB (checked just before the append)', () => {
  it('passes when every named stream is where the decision read it, existing or not', async () => {
    await expect(
      checkConditions(
        [
          { streamId: 'tour-t1', expected: 3 },
          { streamId: 'meeting-t1', expected: 'no_stream' },
        ],
        store({ 'tour-t1': 3 }),
      ),
    ).resolves.toBeUndefined();
  });

  it('refuses with ConcurrencyError naming the stream that moved and where it is', async () => {
    const refused = checkConditions([{ streamId: 'tour-t1', expected: 3 }], store({ 'tour-t1': 4 }));
    await expect(refused).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(refused).rejects.toMatchObject({ streamId: 'tour-t1', expected: '3', actual: '4' });
  });

  it('refuses when a stream expected not to exist was created meanwhile, and names no_stream for one that is gone', async () => {
    await expect(checkConditions([{ streamId: 'meeting-t1', expected: 'no_stream' }], store({ 'meeting-t1': 1 }))).rejects.toMatchObject({
      expected: 'no_stream',
      actual: '1',
    });
    await expect(checkConditions([{ streamId: 'tour-t1', expected: 2 }], store({}))).rejects.toMatchObject({ expected: '2', actual: 'no_stream' });
  });
});
