import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import { sendJson } from './sendJson';

const big = { cards: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`t${i}`, { title: `मंच और साउंड ${i}`, status: 'todo' }])) };

/** What came over the wire, undecoded (HTTP clients such as superagent and fetch decode it). */
function fetchRaw(server: Server, path: string, acceptEncoding: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('sendJson', () => {
  let server: Server;
  beforeAll(async () => {
    const app = express();
    app.get('/big', async (req, res) => sendJson(req, res, big));
    app.get('/small', async (req, res) => sendJson(req, res, { ok: true }));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers brotli to a client that accepts it, whatever the order, and the body is the same JSON', async () => {
    const res = await fetchRaw(server, '/big', 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(JSON.parse(brotliDecompressSync(res.body).toString('utf8'))).toEqual(big);
    expect(res.body.length).toBeLessThan(JSON.stringify(big).length / 4);
  });

  it('answers gzip when that is all the client takes, and plain JSON otherwise', async () => {
    const zipped = await fetchRaw(server, '/big', 'gzip');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toEqual(big);
    const plain = await fetchRaw(server, '/big', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual(big);
  });

  it('does not compress a small body', async () => {
    const res = await fetchRaw(server, '/small', 'gzip, br');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ ok: true });
  });
});
