import request from 'supertest';
import { epochSeconds, people, postBytes, signToken, TEST_SECRET, unsignedToken, type ApiHarness, type HttpAnswer, type Tokens } from '../support/apiHarness';

/**
 * A hostile request for commands.hostile.test.ts (the table is in hostileBodies.ts and
 * hostileTransport.ts), the tokens it may send, and how it is sent.
 */

export interface Hostile {
  name: string;
  /** Under /api; default `/tours`. */
  path?: string;
  method?: 'post' | 'get' | 'put' | 'delete';
  /** The Authorization header; default the in-charge's bearer token; null sends none. */
  authorization?: (t: AuthContext) => string | null;
  /** A JSON body, sent as application/json. */
  body?: object;
  /** Or a raw body with its content type, byte for byte. */
  raw?: string;
  /** Or bytes (sent with node:http, with the content type and headers given). */
  bytes?: () => Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
  rule: string;
  /** For validation problems: these paths must be among `errors[].path`. */
  errorsAt?: string[];
  /** For 405: the `Allow` header. */
  allow?: string;
}

export interface AuthContext {
  tokens: Tokens;
  expired: string;
  otherSecret: string;
  hs512: string;
  noExp: string;
  unknownRole: string;
  wingLeadWithoutWing: string;
  algNone: string;
  tampered: string;
}

export const tour = { title: 'Bastar tour', leader: 'Rahul Gandhi' };
export const bearer = (token: string) => `Bearer ${token}`;

/** Tokens of every broken kind, made against the harness's secret and clock. */
export async function hostileAuth(h: ApiHarness): Promise<AuthContext> {
  const now = epochSeconds(h.clock);
  const claims = { sub: 'u-x', name: 'X', role: 'incharge', iat: now, exp: now + 600 };
  return {
    tokens: h.tokens,
    expired: await h.token(people.incharge, -60),
    otherSecret: signToken(claims, 'another-secret-of-forty-characters-00000'),
    hs512: signToken(claims, TEST_SECRET, { alg: 'HS512', typ: 'JWT' }),
    noExp: signToken({ sub: 'u-x', name: 'X', role: 'incharge', iat: now }, TEST_SECRET),
    unknownRole: signToken({ ...claims, role: 'admin' }, TEST_SECRET),
    wingLeadWithoutWing: await h.token({ sub: 'u-wl', name: 'WL', role: 'wing-lead' }),
    algNone: unsignedToken(claims),
    tampered: (() => {
      const [header, , signature] = h.tokens.adivasiOrganiser.split('.');
      const payload = Buffer.from(JSON.stringify({ ...people.adivasiOrganiser, role: 'incharge', exp: now + 600 })).toString('base64url');
      return `${header}.${payload}.${signature}`;
    })(),
  };
}

/** Sends one hostile request as the table says: JSON, raw text or bytes, with its method, headers and Authorization. */
export function sendHostile(h: ApiHarness, auth: AuthContext, c: Hostile): Promise<HttpAnswer> {
  if (c.bytes) {
    const headers = { Authorization: bearer(auth.tokens.incharge), 'Content-Type': c.contentType ?? 'application/json', ...c.headers };
    return postBytes(h.tayari.url, c.path ?? '/tours', c.bytes(), headers);
  }
  const agent = request(h.tayari.url);
  const path = `/api${c.path ?? '/tours'}`;
  const method = c.method ?? 'post';
  const req = method === 'get' ? agent.get(path) : method === 'put' ? agent.put(path) : method === 'delete' ? agent.delete(path) : agent.post(path);
  const authorization = c.authorization ? c.authorization(auth) : bearer(auth.tokens.incharge);
  if (authorization !== null) req.set('Authorization', authorization);
  for (const [name, value] of Object.entries(c.headers ?? {})) req.set(name, value);
  const sent = c.raw !== undefined ? req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw) : c.body === undefined ? req : req.send(c.body);
  return sent.then((res) => ({ status: res.status, headers: res.headers as HttpAnswer['headers'], text: res.text }));
}
