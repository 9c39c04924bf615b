import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPublicAddress, sendWebhook, webhookUrlProblem, type Resolve } from './webhook.ts';

const resolveTo =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook address guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.31.255.255',
    '192.168.0.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::5',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a00:1',
  ])('refuses internal address %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('accepts public address %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it('judges a URL on its face: scheme, credentials, literal internal hosts in any spelling', () => {
    expect(webhookUrlProblem('https://hooks.example.com/x')).toBeNull();
    expect(webhookUrlProblem('ftp://hooks.example.com/x')).toBe('scheme');
    expect(webhookUrlProblem('file:///etc/passwd')).toBe('scheme');
    expect(webhookUrlProblem('https://user:pw@hooks.example.com/')).toBe('credentials');
    expect(webhookUrlProblem('not a url')).toBe('invalid_url');
    for (const raw of [
      'http://localhost:8080/',
      'http://LOCALHOST./',
      'http://api.localhost/',
      'http://127.0.0.1/',
      'http://2130706433/', // 127.0.0.1 as one number
      'http://0x7f.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
    ])
      expect(webhookUrlProblem(raw), raw).toBe('private_address');
  });

  it('refuses a name that resolves to an internal address; accepts one that does not resolve yet', async () => {
    expect(await checkWebhookUrl('https://hooks.test/', resolveTo('93.184.216.34'))).toBeNull();
    expect(await checkWebhookUrl('https://hooks.test/', resolveTo('93.184.216.34', '10.0.0.7'))).toBe(
      'private_address',
    );
    const unresolvable: Resolve = () => Promise.reject(new Error('ENOTFOUND'));
    expect(await checkWebhookUrl('https://hooks.test/', unresolvable)).toBeNull();
  });
});

describe('sendWebhook', () => {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(req.url === '/redirect' ? 302 : 204, { location: 'http://127.0.0.1/' }).end();
    });
  });
  let port = 0;

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('refuses a loopback literal and a name resolving to loopback without connecting', async () => {
    const before = received.length;
    expect(await sendWebhook(`http://127.0.0.1:${port}/`, '{}', {}, { timeoutMs: 2000 })).toMatchObject({
      ok: false,
      reason: 'private_address',
    });
    // The name looked public when it was saved; at send time it resolves to loopback (DNS rebinding).
    expect(
      await sendWebhook(
        `http://hooks.test:${port}/`,
        '{}',
        {},
        { timeoutMs: 2000, resolve: resolveTo('127.0.0.1') },
      ),
    ).toMatchObject({ ok: false, reason: 'private_address' });
    expect(received.length).toBe(before);
  });

  it('delivers the body and headers when the resolved address is allowed, and does not follow redirects', async () => {
    const sent = await sendWebhook(
      `http://hooks.test:${port}/hook`,
      '{"event":"x"}',
      { 'content-type': 'application/json', 'x-shinrai-signature': 'sha256=ab' },
      { timeoutMs: 2000, resolve: resolveTo('127.0.0.1'), allow: () => true },
    );
    expect(sent).toEqual({ ok: true, status: 204 });
    expect(received.at(-1)?.body).toBe('{"event":"x"}');
    expect(received.at(-1)?.headers['x-shinrai-signature']).toBe('sha256=ab');
    const count = received.length;
    const redirected = await sendWebhook(
      `http://hooks.test:${port}/redirect`,
      '{}',
      {},
      { timeoutMs: 2000, resolve: resolveTo('127.0.0.1'), allow: () => true },
    );
    expect(redirected).toEqual({ ok: true, status: 302 });
    expect(received.length).toBe(count + 1);
  });
});
