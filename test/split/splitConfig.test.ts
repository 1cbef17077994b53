import { splitConfigFromEnv } from '@tayari/app/split/splitConfig';
import { eventLag } from '@tayari/app/split/eventLag';
import { positionsOf } from '@tayari/app/split/positionsOf';
import { redactUrl } from '@tayari/app/split/redactUrl';
import { requireSecret } from '@tayari/app/split/requireSecret';

describe('split process configuration', () => {
  it('ports: live on LIVE_PORT else PORT (8080 in its container), projector on PROJECTOR_PORT else 8082', () => {
    expect(splitConfigFromEnv({})).toMatchObject({ port: 8080, livePort: 8080, projectorPort: 8082, storeTimeoutMs: 5000 });
    expect(splitConfigFromEnv({ PORT: '9000' })).toMatchObject({ port: 9000, livePort: 9000 });
    expect(splitConfigFromEnv({ LIVE_PORT: '8081', PROJECTOR_PORT: '9102', TAYARI_STORE_TIMEOUT_MS: '750' })).toMatchObject({
      livePort: 8081,
      projectorPort: 9102,
      storeTimeoutMs: 750,
    });
    expect(() => splitConfigFromEnv({ PROJECTOR_PORT: '70000' })).toThrow(/PROJECTOR_PORT must be a whole number up to 65535/);
    expect(() => splitConfigFromEnv({ TAYARI_STORE_TIMEOUT_MS: 'soon' })).toThrow(/TAYARI_STORE_TIMEOUT_MS/);
  });

  it('a shared JWT secret is required, 32 characters or more', () => {
    expect(() => requireSecret(undefined)).toThrow(/TAYARI_JWT_SECRET must be set/);
    expect(() => requireSecret('short')).toThrow(/at least 32/);
    expect(requireSecret('x'.repeat(32))).toBe('x'.repeat(32));
  });

  it('positions are ordered as the configured event store orders them, without connecting to it', () => {
    const esdb = positionsOf('eventstoredb');
    expect(esdb.zero).toBe('00000000000000000000/00000000000000000000');
    expect(esdb.compare('00000000000000000010/00000000000000000010', '9/9')).toBe(1);
    expect(() => esdb.compare('42', '9/9')).toThrow(RangeError);
    const sqlite = positionsOf('sqlite');
    expect([sqlite.zero, sqlite.compare('10', '9'), sqlite.compare('3', '3')]).toEqual(['0', 1, 0]);
    expect(() => sqlite.compare('1/2', '3')).toThrow(RangeError);
  });

  it('projection lag in events only where positions count events', () => {
    expect(eventLag('12', '10')).toBe(2);
    expect(eventLag(undefined, '0')).toBe(0);
    expect(eventLag('00000000000000000010/00000000000000000010', '00000000000000000001/00000000000000000001')).toBeUndefined();
  });

  it('credentials never reach a message', () => {
    expect(redactUrl('esdb://admin:changeit@host:2113?tls=true')).toBe('esdb://***@host:2113?tls=true');
    expect(redactUrl('mongodb+srv://u:p%40ss@cluster.example/tayari')).toBe('mongodb+srv://***@cluster.example/tayari');
    expect(redactUrl('mongodb://mongo:27017/tayari?replicaSet=rs0')).toBe('mongodb://mongo:27017/tayari?replicaSet=rs0');
  });
});
