import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * Webhook targets (通知先 Webhook) and the server-side request forgery guard: a webhook may only reach a
 * public address over http(s). The URL is checked when it is saved, and the resolved address is checked
 * again at the moment of connecting (a DNS answer can change after the URL was saved), and redirects are
 * never followed.
 */
export type WebhookUrlProblem = 'invalid_url' | 'scheme' | 'credentials' | 'private_address';

export const WEBHOOK_URL_MESSAGES: Record<WebhookUrlProblem, { ja: string; en: string }> = {
  invalid_url: { ja: 'URL として読み取れません', en: 'This is not a URL' },
  scheme: {
    ja: 'Webhook には http:// または https:// の URL だけを指定できます',
    en: 'A webhook URL must start with http:// or https://',
  },
  credentials: {
    ja: 'URL にユーザー名やパスワードを含めないでください（署名ヘッダーで検証してください）',
    en: 'Leave user name and password out of the URL (check the signature header instead)',
  },
  private_address: {
    ja: 'ループバック・プライベート・リンクローカルなど内部向けのアドレスには送信できません',
    en: 'Webhooks cannot be sent to loopback, private, link-local or other internal addresses',
  },
};

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address written in any valid form (`::`, embedded dotted IPv4). */
function ipv6Bytes(ip: string): number[] {
  let text = ip.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

/**
 * True when an IP address is one a webhook may reach: not loopback, private, link-local, carrier-grade
 * NAT, multicast, documentation or reserved. IPv4 inside IPv6 (`::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`)
 * is judged as the IPv4 address it carries.
 */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return !BLOCKED.check(ip, 'ipv4');
  if (family !== 6) return false;
  const bytes = ipv6Bytes(ip);
  const prefix = bytes.slice(0, 12).join(',');
  if (prefix === '0,0,0,0,0,0,0,0,0,0,255,255' || prefix === '0,100,255,155,0,0,0,0,0,0,0,0')
    return isPublicAddress(bytes.slice(12).join('.'));
  return !BLOCKED.check(ip, 'ipv6');
}

/** What is wrong with a webhook URL on its face (scheme, credentials, a literal internal host), or null. */
export function webhookUrlProblem(raw: string): WebhookUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid_url';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  if (url.username !== '' || url.password !== '') return 'credentials';
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === '' || host === 'localhost' || host.endsWith('.localhost')) return 'private_address';
  if (isIP(host) !== 0 && !isPublicAddress(host)) return 'private_address';
  return null;
}

export type Resolve = (host: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (host) =>
  new Promise((resolve, reject) => {
    dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

/**
 * Checks a webhook URL before it is saved: its face, then every address its host resolves to. A host
 * that does not resolve now is accepted (it is checked again when a webhook is sent).
 */
export async function checkWebhookUrl(
  raw: string,
  resolve: Resolve = systemResolve,
): Promise<WebhookUrlProblem | null> {
  const problem = webhookUrlProblem(raw);
  if (problem !== null) return problem;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) return null;
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    return null;
  }
  return addresses.some((a) => !isPublicAddress(a.address)) ? 'private_address' : null;
}

export interface WebhookSendOptions {
  timeoutMs: number;
  /** Name resolution (the system resolver by default; tests give their own). */
  resolve?: Resolve;
  /** Which resolved addresses may be connected to (public ones by default). */
  allow?: (address: string) => boolean;
}

export type WebhookSendResult =
  | { ok: true; status: number }
  | { ok: false; reason: WebhookUrlProblem | 'network' | 'timeout'; detail?: string };

class RefusedAddress extends Error {}

/**
 * POSTs a JSON body to a webhook. The address is checked inside the connection's own name lookup, so what
 * is checked is what is connected to; redirects are not followed. Expected failures are returned.
 */
export function sendWebhook(
  raw: string,
  body: string,
  headers: Record<string, string>,
  options: WebhookSendOptions,
): Promise<WebhookSendResult> {
  const problem = webhookUrlProblem(raw);
  if (problem !== null) return Promise.resolve({ ok: false, reason: problem });
  const url = new URL(raw);
  const resolve = options.resolve ?? systemResolve;
  const allow = options.allow ?? isPublicAddress;
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  const guardedLookup = (
    host: string,
    opts: { all?: boolean },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolve(host).then(
      (addresses) => {
        if (addresses.length === 0 || addresses.some((a) => !allow(a.address)))
          return callback(new RefusedAddress(host), []);
        if (opts.all) return callback(null, addresses);
        const first = addresses[0] as LookupAddress;
        return callback(null, first.address, first.family);
      },
      (err: Error) => callback(err, []),
    );
  };
  if (isIP(literal) !== 0 && !allow(literal))
    return Promise.resolve({ ok: false, reason: 'private_address' });
  return new Promise((settle) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup,
        timeout: options.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => settle({ ok: true, status: res.statusCode ?? 0 }));
        res.on('error', (err) => settle({ ok: false, reason: 'network', detail: err.message }));
      },
    );
    req.on('timeout', () => {
      req.destroy();
      settle({ ok: false, reason: 'timeout' });
    });
    req.on('error', (err) =>
      settle(
        err instanceof RefusedAddress
          ? { ok: false, reason: 'private_address', detail: err.message }
          : { ok: false, reason: 'network', detail: err.message },
      ),
    );
    req.end(body);
  });
}
