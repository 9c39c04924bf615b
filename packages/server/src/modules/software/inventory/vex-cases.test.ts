/**
 * VEX statements do what they say (issue 12). The documents are written for these tests; the CISA
 * cases follow the use cases of CISA's "Vulnerability Exploitability eXchange (VEX) – Use Cases"
 * (April 2022): a product with several versions, a product family, and a Ripple20-style document with
 * 19 CVEs on one embedded TCP/IP stack.
 */
import type { SoftwareFindingView } from '@shinrai/store';
import { describe, expect, it } from 'vitest';
import { cycloneDxVex, openVex, readVex, type VexContext } from './vex.ts';

type F = SoftwareFindingView & { bom_ref: string };
const LOG4J = 'pkg:maven/org.apache.logging.log4j/log4j-core';
const SERIAL = 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79';

function finding(
  id: string,
  advisory: string,
  purl: string | null,
  version: string | null,
  bomRef: string,
  aliases: string[] = [],
): F {
  return {
    id,
    org_id: 'o',
    release_id: 'r',
    component_id: `c-${bomRef}`,
    advisory_id: advisory,
    component_ref: purl ?? `${bomRef}@${version}`,
    severity: 'critical',
    score: 10,
    malicious: 0,
    summary: null,
    aliases: JSON.stringify(aliases),
    fixed_version: null,
    path: '[]',
    created_at: '2025-01-01T00:00:00Z',
    component_name: bomRef,
    component_version: version,
    component_purl: purl,
    vex_status: null,
    vex_justification: null,
    vex_detail: null,
    vex_updated_at: null,
    vex_response: null,
    vex_specificity: null,
    vex_statement_at: null,
    vex_source: null,
    bom_ref: bomRef,
  };
}

const ctx: VexContext = {
  serialNumber: SERIAL,
  bomVersion: 1,
  product: { bomRef: 'acme-app', purl: 'pkg:generic/acme/app@2.0', name: 'app', version: '2.0' },
};

const log4j214 = finding('f1', 'GHSA-jfh8-c2jp-5v3q', `${LOG4J}@2.14.1`, '2.14.1', 'log4j', [
  'CVE-2021-44228',
]);
const log4j2171 = finding('f2', 'GHSA-jfh8-c2jp-5v3q', `${LOG4J}@2.17.1`, '2.17.1', 'log4j-new', [
  'CVE-2021-44228',
]);
const jackson = finding('f3', 'CVE-2020-0001', 'pkg:maven/com.fasterxml/jackson@2.9.0', '2.9.0', 'jackson');

function cdx(vulns: unknown[], extra: Record<string, unknown> = {}): Buffer {
  return Buffer.from(
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      ...extra,
      vulnerabilities: vulns,
    }),
  );
}
function openvexDoc(statements: unknown[], timestamp = '2025-01-01T00:00:00Z'): Buffer {
  return Buffer.from(
    JSON.stringify({
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': 'https://example.jp/vex/1',
      author: 'vendor',
      timestamp,
      version: 1,
      statements,
    }),
  );
}
function applied(r: ReturnType<typeof readVex>) {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return Object.fromEntries(r.statements.map((s) => [s.findingId, s.status]));
}

describe('CycloneDX affects[].versions limits a statement to the versions it names', () => {
  const notAffected = (versions: unknown[]) =>
    cdx([
      {
        id: 'CVE-2021-44228',
        analysis: { state: 'not_affected', justification: 'code_not_reachable' },
        affects: [{ ref: 'log4j', versions }],
      },
      {
        id: 'CVE-2021-44228',
        analysis: { state: 'not_affected', justification: 'code_not_reachable' },
        affects: [{ ref: 'log4j-new', versions }],
      },
    ]);

  it('a version listed as unaffected does not suppress another version', () => {
    const r = applied(
      readVex(notAffected([{ version: '2.17.1', status: 'unaffected' }]), [log4j214, log4j2171], ctx),
    );
    expect(r).toEqual({ f2: 'not_affected' });
  });

  it('a vers range applies only to the versions inside it', () => {
    const r = applied(
      readVex(
        notAffected([{ range: 'vers:maven/>=2.17.0|<3', status: 'unaffected' }]),
        [log4j214, log4j2171],
        ctx,
      ),
    );
    expect(r).toEqual({ f2: 'not_affected' });
  });

  it('a version listed as affected makes the statement affected for that version', () => {
    const r = applied(
      readVex(
        notAffected([
          { version: '2.14.1', status: 'affected' },
          { version: '2.17.1', status: 'unaffected' },
        ]),
        [log4j214, log4j2171],
        ctx,
      ),
    );
    expect(r).toEqual({ f1: 'affected', f2: 'not_affected' });
  });
});

describe('BOM links apply only to the BOM they name', () => {
  const linked = (serial: string, version: number) =>
    cdx([
      {
        id: 'CVE-2021-44228',
        analysis: { state: 'not_affected', justification: 'code_not_present' },
        affects: [{ ref: `urn:cdx:${serial}/${version}#log4j` }],
      },
    ]);
  it('another BOM’s link does not apply', () => {
    expect(applied(readVex(linked('11111111-2222-3333-4444-555555555555', 1), [log4j214], ctx))).toEqual({});
  });
  it('another version of this BOM does not apply', () => {
    expect(applied(readVex(linked(SERIAL.slice('urn:uuid:'.length), 2), [log4j214], ctx))).toEqual({});
  });
  it('this BOM’s link applies', () => {
    expect(applied(readVex(linked(SERIAL.slice('urn:uuid:'.length), 1), [log4j214], ctx))).toEqual({
      f1: 'not_affected',
    });
  });
});

describe('statements about the product apply to its components', () => {
  it('CycloneDX: the metadata component by bom-ref and by BOM link', () => {
    for (const ref of ['acme-app', `urn:cdx:${SERIAL.slice(9)}/1#acme-app`]) {
      const doc = cdx([
        {
          id: 'CVE-2021-44228',
          analysis: { state: 'not_affected', justification: 'requires_environment' },
          affects: [{ ref }],
        },
      ]);
      expect(applied(readVex(doc, [log4j214, log4j2171, jackson], ctx))).toEqual({
        f1: 'not_affected',
        f2: 'not_affected',
      });
    }
  });

  it('OpenVEX: a product with subcomponents applies to those components only', () => {
    const doc = openvexDoc([
      {
        vulnerability: { name: 'CVE-2021-44228' },
        products: [{ '@id': 'pkg:generic/acme/app@2.0', subcomponents: [{ '@id': `${LOG4J}@2.17.1` }] }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
      },
    ]);
    expect(applied(readVex(doc, [log4j214, log4j2171], ctx))).toEqual({ f2: 'not_affected' });
  });

  it('OpenVEX: a statement on another product does not apply', () => {
    const doc = openvexDoc([
      {
        vulnerability: { name: 'CVE-2021-44228' },
        products: [{ '@id': 'pkg:generic/acme/other@2.0', subcomponents: [{ '@id': `${LOG4J}@2.14.1` }] }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_present',
      },
    ]);
    expect(applied(readVex(doc, [log4j214], ctx))).toEqual({});
  });
});

describe('conflicting statements: the most specific, then the latest, wins', () => {
  it('a component statement that says affected is not overridden by a product-wide not_affected', () => {
    const doc = cdx([
      { id: 'CVE-2021-44228', analysis: { state: 'exploitable' }, affects: [{ ref: 'log4j' }] },
      {
        id: 'CVE-2021-44228',
        analysis: { state: 'not_affected', justification: 'code_not_present' },
        affects: [{ ref: 'acme-app' }],
      },
    ]);
    const r = readVex(doc, [log4j214], ctx);
    expect(applied(r)).toEqual({ f1: 'affected' });
    if (!r.ok) return;
    // the history shows the statement that did not stand
    expect(r.superseded.map((s) => [s.findingId, s.status])).toEqual([['f1', 'not_affected']]);
  });

  it('a package-family not_affected does not override a statement about this version', () => {
    const doc = openvexDoc([
      {
        vulnerability: { name: 'CVE-2021-44228' },
        products: [{ '@id': `${LOG4J}@2.14.1` }],
        status: 'affected',
        action_statement: 'update',
      },
      {
        vulnerability: { name: 'CVE-2021-44228' },
        products: [{ '@id': LOG4J }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_present',
        timestamp: '2025-06-01T00:00:00Z',
      },
    ]);
    expect(applied(readVex(doc, [log4j214], ctx))).toEqual({ f1: 'affected' });
  });

  it('between equally specific statements the latest wins, whatever the order in the file', () => {
    const doc = openvexDoc([
      {
        vulnerability: { name: 'CVE-2021-44228' },
        products: [`${LOG4J}@2.14.1`],
        status: 'fixed',
        timestamp: '2025-03-01T00:00:00Z',
      },
      {
        vulnerability: { name: 'CVE-2021-44228' },
        products: [`${LOG4J}@2.14.1`],
        status: 'under_investigation',
        timestamp: '2025-02-01T00:00:00Z',
      },
    ]);
    expect(applied(readVex(doc, [log4j214], ctx))).toEqual({ f1: 'fixed' });
  });
});

describe('CISA VEX use cases', () => {
  it('a product with several versions: the statement names 1.0 and 1.1, the release ships 1.2', () => {
    const doc = openvexDoc([
      {
        vulnerability: { name: 'CVE-2020-0001' },
        products: [
          { '@id': 'pkg:maven/com.fasterxml/jackson@2.8.0' },
          { '@id': 'pkg:maven/com.fasterxml/jackson@2.8.1' },
        ],
        status: 'not_affected',
        justification: 'vulnerable_code_not_present',
      },
    ]);
    expect(applied(readVex(doc, [jackson], ctx))).toEqual({});
    const j281 = finding('f4', 'CVE-2020-0001', 'pkg:maven/com.fasterxml/jackson@2.8.1', '2.8.1', 'j281');
    expect(applied(readVex(doc, [jackson, j281], ctx))).toEqual({ f4: 'not_affected' });
  });

  it('a product family: a statement on the product without a version covers every version', () => {
    const doc = openvexDoc([
      {
        vulnerability: { name: 'CVE-2020-0001' },
        products: ['pkg:maven/com.fasterxml/jackson'],
        status: 'not_affected',
        justification: 'component_not_present',
      },
    ]);
    expect(applied(readVex(doc, [jackson], ctx))).toEqual({ f3: 'not_affected' });
    const family = openvexDoc([
      {
        vulnerability: { name: 'CVE-2020-0001' },
        products: ['pkg:generic/acme/app'],
        status: 'not_affected',
        justification: 'component_not_present',
      },
    ]);
    expect(applied(readVex(family, [jackson], ctx))).toEqual({ f3: 'not_affected' });
  });

  it('Ripple20: 19 CVEs on the embedded TCP/IP stack, four of them affected', () => {
    const cves = Array.from({ length: 19 }, (_, i) => `CVE-2020-${11896 + i}`);
    const stack = (cve: string, i: number) =>
      finding(`r${i}`, cve, 'pkg:generic/treck/tcpip@6.0.1.66', '6.0.1.66', 'treck');
    const findings = cves.map(stack);
    const affected = new Set(['CVE-2020-11896', 'CVE-2020-11897', 'CVE-2020-11898', 'CVE-2020-11901']);
    const doc = openvexDoc(
      cves.map((cve) => ({
        vulnerability: { name: cve },
        products: [
          { '@id': 'pkg:generic/acme/app@2.0', subcomponents: [{ '@id': 'pkg:generic/treck/tcpip' }] },
        ],
        ...(affected.has(cve)
          ? { status: 'affected', action_statement: 'Update the firmware to 2.1' }
          : { status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' }),
      })),
    );
    const r = applied(readVex(doc, findings, ctx));
    expect(Object.keys(r)).toHaveLength(19);
    expect(Object.values(r).filter((s) => s === 'affected')).toHaveLength(4);
  });
});

describe('CycloneDX analysis.response and detail', () => {
  it('are read, and exported again; OpenVEX export names the product with the component as subcomponent', () => {
    const doc = cdx([
      {
        id: 'CVE-2021-44228',
        analysis: {
          state: 'exploitable',
          response: ['update', 'workaround_available'],
          detail: 'set log4j2.formatMsgNoLookups',
        },
        affects: [{ ref: 'log4j' }],
      },
    ]);
    const r = readVex(doc, [log4j214], ctx);
    if (!r.ok) throw new Error('refused');
    expect(r.statements[0]).toMatchObject({
      status: 'affected',
      response: ['update', 'workaround_available'],
      detail: 'set log4j2.formatMsgNoLookups',
    });
    const stored: F = {
      ...log4j214,
      vex_status: 'affected',
      vex_detail: 'set log4j2.formatMsgNoLookups',
      vex_response: '["update","workaround_available"]',
      vex_updated_at: '2025-01-01T00:00:00Z',
    };
    const out = cycloneDxVex([stored], {
      product: 'app',
      version: '2.0',
      now: new Date('2025-01-02T00:00:00Z'),
    }) as { vulnerabilities: { analysis: unknown }[] };
    expect(out.vulnerabilities[0]?.analysis).toMatchObject({
      state: 'exploitable',
      response: ['update', 'workaround_available'],
      detail: 'set log4j2.formatMsgNoLookups',
    });
    const ov = openVex([stored], {
      releaseId: 'r',
      author: 'a',
      now: new Date('2025-01-02T00:00:00Z'),
      baseUrl: 'https://x',
      product: 'pkg:generic/acme/app@2.0',
    }) as {
      statements: { products: unknown[] }[];
    };
    expect(ov.statements[0]?.products).toEqual([
      { '@id': 'pkg:generic/acme/app@2.0', subcomponents: [{ '@id': `${LOG4J}@2.14.1` }] },
    ]);
  });
});
