import { toEsdbEvent } from './toEsdbEvent';

const id = '6f1c2b1e-6a0f-5c3b-8d2e-1a2b3c4d5e6f';

describe('toEsdbEvent', () => {
  test('a JSON event that keeps our id, type, data and metadata', () => {
    expect(toEsdbEvent({ id, type: 'StopAdded', data: { place: 'पुणे' }, metadata: { actor: 'u1' } })).toEqual({
      id,
      contentType: 'application/json',
      type: 'StopAdded',
      data: { place: 'पुणे' },
      metadata: { actor: 'u1' },
    });
  });

  test('no metadata is sent as none', () => {
    expect(toEsdbEvent({ id, type: 'T', data: {}, metadata: undefined }).metadata).toBeUndefined();
    expect(toEsdbEvent({ id, type: 'T', data: {}, metadata: null }).metadata).toBeUndefined();
  });

  test.each([42, true, null, undefined])('refuses data %p that would not round-trip', (data) => {
    expect(() => toEsdbEvent({ id, type: 'T', data, metadata: {} })).toThrow(TypeError);
  });
});
