import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { CONTENT_SECURITY_POLICY, serveWeb } from './serveWeb';

describe('serveWeb', () => {
  let root: string;
  let app: express.Express;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tayari-web-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tayari</title>');
    writeFileSync(join(root, 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'app.js.map'), '{}');
    writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    for (const sheet of ['styles.css', 'forms.css', 'print.css']) writeFileSync(join(root, sheet), 'body{}');
    writeFileSync(join(root, 'secret.txt'), 'not served');
    const sheet = 'body{color:red}'.repeat(50);
    writeFileSync(join(root, 'styles.css.br'), brotliCompressSync(sheet));
    writeFileSync(join(root, 'styles.css.gz'), gzipSync(sheet));
    writeFileSync(join(root, 'secret.txt.br'), brotliCompressSync('not served'));
    app = express();
    app.use(serveWeb({ root }));
    app.use((_req, res) => res.status(404).send('fell through'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves index.html at / with a strict CSP and no-cache', async () => {
    const res = await request(app).get('/').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.text).toContain('<title>Tayari</title>');
  });

  it('serves the bundle, its map and the style sheets with their types', async () => {
    const js = await request(app).get('/app.js').expect(200);
    expect(js.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(js.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(js.headers['cache-control']).toBe('no-cache');
    for (const sheet of ['styles.css', 'forms.css', 'print.css'])
      expect((await request(app).get(`/${sheet}`).expect(200)).headers['content-type']).toMatch(/^text\/css/);
    expect((await request(app).get('/app.js.map').expect(200)).headers['content-type']).toMatch(/^application\/json/);
  });

  it('serves the service worker at the root (its scope is the whole page), with the same strict headers and no-cache', async () => {
    const sw = await request(app).get('/sw.js').expect(200);
    expect(sw.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(sw.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['service-worker-allowed']).toBeUndefined();
  });

  it("sends the build's compressed copy the browser takes, typed as the file, else the plain file", async () => {
    const sheet = 'body{color:red}'.repeat(50);
    const br = await request(app).get('/styles.css').set('Accept-Encoding', 'gzip, deflate, br').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/css/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.text).toBe(sheet);
    const gz = await request(app).get('/styles.css').set('Accept-Encoding', 'gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(sheet);
    expect(gz.headers.etag).not.toBe(br.headers.etag);
    // No copy built (forms.css here), or none taken: the plain file.
    const plain = await request(app).get('/forms.css').set('Accept-Encoding', 'br').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('body{}');
    const identity = await request(app).get('/styles.css').set('Accept-Encoding', 'identity').expect(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.text).toBe('body{}');
    // Copies are served only for the page's own files.
    expect((await request(app).get('/secret.txt.br').set('Accept-Encoding', 'br').expect(404)).text).toBe('fell through');
  });

  it('leaves every other path to the rest of the app', async () => {
    expect((await request(app).get('/secret.txt').expect(404)).text).toBe('fell through');
    expect((await request(app).get('/api/health').expect(404)).text).toBe('fell through');
    expect((await request(app).post('/').expect(404)).text).toBe('fell through');
  });

  it('says the page is not built rather than failing obscurely', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tayari-web-empty-'));
    const bare = express().use(serveWeb({ root: empty }));
    const res = await request(bare).get('/').expect(503);
    expect(res.text).toContain('npm run build');
    rmSync(empty, { recursive: true, force: true });
  });
});
