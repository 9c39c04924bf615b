import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress, type Resolve } from '../../software/public.ts';

/** How the TAXII client reaches the network; tests allow plain http to their loopback servers. */
export interface TaxiiNet {
  /** Per request (connect, headers and body); 30 s by default. */
  timeoutMs?: number;
  resolve?: Resolve;
  /** Which resolved addresses may be connected to (public ones by default). */
  allow?: (address: string) => boolean;
  /** Plain http (tests only); https otherwise. */
  allowHttp?: boolean;
}

export type FetchProblem = 'scheme' | 'private_address' | 'timeout' | 'network' | 'too_large';

export type FetchResult =
  | { ok: true; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { ok: false; problem: FetchProblem; detail?: string };

const MAX_BODY = 64 * 1024 * 1024;

const systemResolve: Resolve = (host) =>
  new Promise((resolve, reject) => {
    dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

/** What is wrong with a TAXII URL on its face: https only (http when the network allows it), no internal literal host. */
export function taxiiUrlProblem(raw: string, net: TaxiiNet = {}): FetchProblem | 'invalid_url' | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid_url';
  }
  if (url.protocol !== 'https:' && !(net.allowHttp && url.protocol === 'http:')) return 'scheme';
  if (url.username !== '' || url.password !== '') return 'invalid_url';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allow = net.allow ?? isPublicAddress;
  if (host === 'localhost' && !allow('127.0.0.1')) return 'private_address';
  if (isIP(host) !== 0 && !allow(host)) return 'private_address';
  return null;
}

/**
 * GETs a URL with the address guard inside the connection's own name lookup (what is checked is what is
 * connected to), no redirects, a timeout over the whole exchange (AbortSignal.timeout) and a body limit.
 */
export function taxiiGet(
  raw: string,
  headers: Record<string, string>,
  net: TaxiiNet = {},
): Promise<FetchResult> {
  const face = taxiiUrlProblem(raw, net);
  if (face !== null) return Promise.resolve({ ok: false, problem: face === 'invalid_url' ? 'scheme' : face });
  const url = new URL(raw);
  const resolve = net.resolve ?? systemResolve;
  const allow = net.allow ?? isPublicAddress;
  const lookup = (
    host: string,
    opts: { all?: boolean },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolve(host).then(
      (addresses) => {
        if (addresses.length === 0 || addresses.some((a) => !allow(a.address)))
          return callback(Object.assign(new Error(host), { code: 'REFUSED_ADDRESS' }), []);
        if (opts.all) return callback(null, addresses);
        const first = addresses[0] as LookupAddress;
        return callback(null, first.address, first.family);
      },
      (err: Error) => callback(err, []),
    );
  };
  const signal = AbortSignal.timeout(net.timeoutMs ?? 30_000);
  return new Promise((settle) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', headers, lookup, signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          req.destroy();
          settle({ ok: false, problem: 'too_large' });
        } else chunks.push(c);
      });
      res.on('end', () =>
        settle({
          ok: true,
          status: res.statusCode ?? 0,
          headers: res.headers,
          // Bytes: the page is decoded and parsed in a parse worker (envelope.ts), not here.
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', (err) => settle(failure(err, signal)));
    });
    req.on('error', (err) => settle(failure(err, signal)));
    req.end();
  });
}

function failure(err: Error, signal: AbortSignal): FetchResult {
  if (signal.aborted) return { ok: false, problem: 'timeout' };
  if ((err as { code?: string }).code === 'REFUSED_ADDRESS') return { ok: false, problem: 'private_address' };
  return { ok: false, problem: 'network', detail: err.message.slice(0, 200) };
}
