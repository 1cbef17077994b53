import { originAllowed } from './originAllowed';

describe('originAllowed', () => {
  it('lets clients without an Origin in (non-browser clients)', () => {
    expect(originAllowed(undefined, 'tayari.example', undefined)).toBe(true);
    expect(originAllowed(undefined, 'tayari.example', ['https://other.example'])).toBe(true);
  });

  it('by default allows the origin of the Host the request was sent to, whatever the scheme', () => {
    expect(originAllowed('https://tayari.example', 'tayari.example', undefined)).toBe(true);
    expect(originAllowed('http://localhost:8080', 'localhost:8080', undefined)).toBe(true);
    expect(originAllowed('http://TAYARI.example', 'tayari.example', undefined)).toBe(true);
    expect(originAllowed('https://tayari.example', 'tayari.example:443', undefined)).toBe(true);
  });

  it('by default refuses other hosts and ports, null and garbage', () => {
    expect(originAllowed('https://evil.example', 'tayari.example', undefined)).toBe(false);
    expect(originAllowed('http://localhost:9090', 'localhost:8080', undefined)).toBe(false);
    expect(originAllowed('https://tayari.example.evil.example', 'tayari.example', undefined)).toBe(false);
    expect(originAllowed('null', 'tayari.example', undefined)).toBe(false);
    expect(originAllowed('https://tayari.example', undefined, undefined)).toBe(false);
  });

  it('follows an allow-list exactly, scheme and port included, and * allows all', () => {
    const list = ['https://tayari.example', 'http://localhost:5173'];
    expect(originAllowed('https://tayari.example', 'api.internal', list)).toBe(true);
    expect(originAllowed('http://localhost:5173', 'api.internal', list)).toBe(true);
    expect(originAllowed('http://tayari.example', 'tayari.example', list)).toBe(false);
    expect(originAllowed('https://evil.example', 'api.internal', ['*'])).toBe(true);
  });
});
