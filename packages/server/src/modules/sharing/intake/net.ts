import type { Deps } from '../../../platform/deps.ts';
import type { TaxiiNet } from './taxii-fetch.ts';

// How an app's TAXII client reaches the network: https to public addresses by default. Tests set their own
// (plain http to loopback servers) for their app; nothing in configuration or the API can.
const nets = new WeakMap<Deps, TaxiiNet>();

export function setTaxiiNet(deps: Deps, net: TaxiiNet): void {
  nets.set(deps, net);
}

export function taxiiNetOf(deps: Deps): TaxiiNet {
  return nets.get(deps) ?? {};
}
