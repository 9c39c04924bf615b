import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../helpers/app.ts';

/**
 * The web app's files as the build leaves them (a tiny stand-in dist: no web build needed): hashed
 * assets with .br and .gz beside them (scripts/precompress.mjs), served precompressed and cached for a
 * year; index.html revalidated on every load.
 */
describe('static web assets', () => {
  const JS = `console.log(${JSON.stringify('信頼 '.repeat(400))});\n`;
  const HTML =
    '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head></html>';
  let dist: string;
  let t: TestApp;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'shinrai-web-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    const js = path.join(dist, 'assets/index-AbC123.js');
    writeFileSync(js, JS);
    writeFileSync(`${js}.br`, brotliCompressSync(JS));
    writeFileSync(`${js}.gz`, gzipSync(JS));
    writeFileSync(path.join(dist, 'index.html'), HTML);
    t = await makeApp('sqlite', { packs: false, config: { webDist: dist } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers brotli for a hashed asset when asked, cached for a year', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(?:application|text)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(JS));
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(JS);
  });

  it('answers gzip to a client without brotli, and the plain file to one without either', async () => {
    const gz = await t.app.inject({
      method: 'GET',
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(JS);
    const plain = await t.app.inject({
      method: 'GET',
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never lets index.html be cached long, at / or at an app route', async () => {
    for (const url of ['/', '/login', '/orgs/some-org']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(HTML);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['cache-control'], url).not.toMatch(/max-age=[1-9]|immutable/);
    }
  });

  it('keeps unknown API paths as JSON 404s', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });
});
