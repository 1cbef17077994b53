import { liveOptionsFromEnv } from './LiveOptions';

describe('liveOptionsFromEnv', () => {
  it('reads TAYARI_ALLOWED_ORIGINS as comma-separated origins', () => {
    expect(liveOptionsFromEnv({})).toEqual({});
    expect(liveOptionsFromEnv({ TAYARI_ALLOWED_ORIGINS: ' ' })).toEqual({});
    expect(liveOptionsFromEnv({ TAYARI_ALLOWED_ORIGINS: 'https://tayari.example/, http://localhost:5173' })).toEqual({
      allowedOrigins: ['https://tayari.example', 'http://localhost:5173'],
    });
    expect(liveOptionsFromEnv({ TAYARI_ALLOWED_ORIGINS: '*' })).toEqual({ allowedOrigins: ['*'] });
  });

  it('refuses something that is not an origin', () => {
    expect(() => liveOptionsFromEnv({ TAYARI_ALLOWED_ORIGINS: 'tayari.example' })).toThrow(/TAYARI_ALLOWED_ORIGINS/);
  });
});
