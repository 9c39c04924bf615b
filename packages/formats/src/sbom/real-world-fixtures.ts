/**
 * Small documents written for the tests in the shape of BOMs people bring (issue 12). They are not
 * copies: each imitates the features of a published BOM that made Shinrai refuse it.
 * - `juiceShopStyle`: CycloneDX 1.2 JSON/XML as the CycloneDX project's example BOMs (OWASP Juice
 *   Shop, Keycloak, ProtonMail; CycloneDX/bom-examples, Apache-2.0) are written: 1.2 tools as objects,
 *   licenses by id and by name, externalReferences, hashes.
 * - `keycloakStyle`: a BOM from the CycloneDX Maven plugin (1.4 by default; the schemas from 1.4 on
 *   check license URLs) with the odd license fields seen in the
 *   Keycloak example: one license `url` holding two URLs, a license id that is not an SPDX id, an
 *   unknown enum value.
 * - `syftGoBinary`: syft's naming of the Go standard library (`version: go1.20.5`, `pkg:golang/stdlib@1.20.5`).
 * - SPDX 2.2 JSON and tag-value in the shape the SPDX tools and syft write.
 */
const lib = (group: string, name: string, version: string, extra: Record<string, unknown> = {}) => ({
  type: 'library',
  'bom-ref': `pkg:maven/${group}/${name}@${version}`,
  group,
  name,
  version,
  purl: `pkg:maven/${group}/${name}@${version}`,
  ...extra,
});

export function juiceShopStyle(): Record<string, unknown> {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.2',
    serialNumber: 'urn:uuid:1f860713-54b9-4253-ba5a-9554851904af',
    version: 1,
    metadata: {
      timestamp: '2020-08-03T03:20:53.771Z',
      tools: [{ vendor: 'CycloneDX', name: 'Node.js module', version: '2.0.0' }],
      component: {
        type: 'library',
        'bom-ref': 'pkg:npm/juice-shop@11.1.2',
        name: 'juice-shop',
        version: '11.1.2',
        purl: 'pkg:npm/juice-shop@11.1.2',
      },
    },
    components: [
      {
        type: 'library',
        'bom-ref': 'pkg:npm/body-parser@1.19.0',
        name: 'body-parser',
        version: '1.19.0',
        description: 'Node.js body parsing middleware',
        hashes: [{ alg: 'SHA-1', content: '96b2709e57c9c4e09a6fd66a8fd979844f69f08a' }],
        licenses: [{ license: { id: 'MIT' } }],
        purl: 'pkg:npm/body-parser@1.19.0',
        externalReferences: [{ type: 'website', url: 'https://github.com/expressjs/body-parser#readme' }],
      },
      {
        type: 'library',
        'bom-ref': 'pkg:npm/%40types/node@14.0.27',
        group: '@types',
        name: 'node',
        version: '14.0.27',
        licenses: [{ license: { name: 'MIT License' } }],
        purl: 'pkg:npm/%40types/node@14.0.27',
      },
    ],
    dependencies: [{ ref: 'pkg:npm/juice-shop@11.1.2', dependsOn: ['pkg:npm/body-parser@1.19.0'] }],
  };
}

export function juiceShopStyleXml(version = '1.2'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/${version}" serialNumber="urn:uuid:1f860713-54b9-4253-ba5a-9554851904af" version="1">
  <components>
    <component type="library"${version === '1.0' ? '' : ' bom-ref="pkg:npm/body-parser@1.19.0"'}>
      <name>body-parser</name>
      <version>1.19.0</version>
      <hashes><hash alg="SHA-1">96b2709e57c9c4e09a6fd66a8fd979844f69f08a</hash></hashes>
      <licenses><license><id>MIT</id></license></licenses>
      <purl>pkg:npm/body-parser@1.19.0</purl>${version === '1.0' ? '\n      <modified>false</modified>' : ''}
    </component>
  </components>
</bom>`;
}

export function keycloakStyle(specVersion = '1.4'): Record<string, unknown> {
  return {
    bomFormat: 'CycloneDX',
    specVersion,
    serialNumber: 'urn:uuid:6e1b5a3c-5c4f-4e0a-9a1e-0d3f2c4b5a6d',
    version: 1,
    metadata: {
      component: { type: 'application', 'bom-ref': 'keycloak', name: 'keycloak', version: '10.0.2' },
    },
    components: [
      lib('org.keycloak', 'keycloak-core', '10.0.2', { licenses: [{ license: { id: 'Apache-2.0' } }] }),
      lib('org.jboss.logging', 'jboss-logging', '3.4.1.Final', {
        licenses: [
          {
            license: {
              name: 'Apache License 2.0',
              url: 'http://www.apache.org/licenses/LICENSE-2.0.html, http://repository.jboss.org/licenses/apache-2.0.txt',
            },
          },
        ],
      }),
      lib('com.fasterxml.jackson.core', 'jackson-databind', '2.10.1', {
        licenses: [{ license: { id: 'Apache 2.0' } }],
        scope: 'runtime',
      }),
    ],
  };
}

export function syftGoBinary(): Record<string, unknown> {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    metadata: { component: { type: 'file', 'bom-ref': 'bin', name: '/usr/local/bin/app' } },
    components: [
      {
        type: 'library',
        'bom-ref': 'stdlib',
        name: 'stdlib',
        version: 'go1.20.5',
        purl: 'pkg:golang/stdlib@1.20.5',
      },
      {
        type: 'library',
        'bom-ref': 'x-net',
        name: 'golang.org/x/net',
        version: 'v0.10.0',
        purl: 'pkg:golang/golang.org/x/net@v0.10.0',
      },
      { type: 'library', 'bom-ref': 'internal', name: 'internal-tool', version: '1.0' },
      {
        type: 'library',
        'bom-ref': 'odd',
        name: 'odd',
        version: 'not a version!',
        purl: 'pkg:npm/odd@1.0.0',
      },
    ],
  };
}

export function spdx22Json(): Record<string, unknown> {
  return {
    spdxVersion: 'SPDX-2.2',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'app',
    documentNamespace: 'https://example.jp/spdx/app-1',
    creationInfo: { created: '2023-01-01T00:00:00Z', creators: ['Tool: syft-0.80.0'] },
    packages: [
      {
        name: 'lodash',
        SPDXID: 'SPDXRef-Package-lodash',
        versionInfo: '4.17.20',
        downloadLocation: 'NOASSERTION',
        licenseConcluded: 'MIT',
        licenseDeclared: 'MIT',
        copyrightText: 'NOASSERTION',
        externalRefs: [
          {
            referenceCategory: 'PACKAGE_MANAGER',
            referenceType: 'purl',
            referenceLocator: 'pkg:npm/lodash@4.17.20',
          },
        ],
      },
    ],
    relationships: [
      {
        spdxElementId: 'SPDXRef-DOCUMENT',
        relationshipType: 'DESCRIBES',
        relatedSpdxElement: 'SPDXRef-Package-lodash',
      },
    ],
  };
}

export function spdxTagValue(version = 'SPDX-2.3'): string {
  return `SPDXVersion: ${version}
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: app
DocumentNamespace: https://example.jp/spdx/app-1
Creator: Tool: syft-0.80.0
Created: 2023-01-01T00:00:00Z

##### Package: app
PackageName: app
SPDXID: SPDXRef-Package-app
PackageVersion: 1.0.0
PackageDownloadLocation: NOASSERTION
PackageLicenseConcluded: NOASSERTION
PackageLicenseDeclared: NOASSERTION
PackageCopyrightText: NOASSERTION
PrimaryPackagePurpose: APPLICATION

##### Package: lodash
PackageName: lodash
SPDXID: SPDXRef-Package-lodash
PackageVersion: 4.17.20
PackageSupplier: Organization: OpenJS Foundation
PackageDownloadLocation: https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz
PackageChecksum: SHA1: 2a2e4c4b8d3b1bd1e4a4b1d7e5d4c3b2a1f0e9d8
PackageLicenseConcluded: MIT
PackageLicenseDeclared: MIT
PackageCopyrightText: <text>Copyright OpenJS Foundation
and other contributors</text>
ExternalRef: PACKAGE-MANAGER purl pkg:npm/lodash@4.17.20

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-app
Relationship: SPDXRef-Package-app DEPENDS_ON SPDXRef-Package-lodash
`;
}

/** SPDX 3.0.1 JSON-LD in the shape of the SPDX 3 examples (spdx/spdx-3-model, Community-Spec-1.0). */
export function spdx3JsonLd(): Record<string, unknown> {
  const ns = 'https://example.jp/spdx3/app';
  return {
    '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
    '@graph': [
      {
        type: 'CreationInfo',
        '@id': '_:creationinfo',
        specVersion: '3.0.1',
        created: '2024-05-01T00:00:00Z',
        createdBy: [`${ns}/tool`],
      },
      {
        type: 'Organization',
        spdxId: `${ns}/openjs`,
        name: 'OpenJS Foundation',
        creationInfo: '_:creationinfo',
      },
      {
        type: 'SpdxDocument',
        spdxId: `${ns}/doc`,
        name: 'app',
        rootElement: [`${ns}/sbom`],
        creationInfo: '_:creationinfo',
      },
      {
        type: 'software_Sbom',
        spdxId: `${ns}/sbom`,
        rootElement: [`${ns}/pkg-app`],
        creationInfo: '_:creationinfo',
      },
      {
        type: 'software_Package',
        spdxId: `${ns}/pkg-app`,
        name: 'app',
        software_packageVersion: '1.0.0',
        software_primaryPurpose: 'application',
        creationInfo: '_:creationinfo',
      },
      {
        type: 'software_Package',
        spdxId: `${ns}/pkg-lodash`,
        name: 'lodash',
        software_packageVersion: '4.17.20',
        software_packageUrl: 'pkg:npm/lodash@4.17.20',
        suppliedBy: `${ns}/openjs`,
        verifiedUsing: [{ type: 'Hash', algorithm: 'sha256', hashValue: 'a'.repeat(64) }],
        creationInfo: '_:creationinfo',
      },
      {
        type: 'software_Package',
        spdxId: `${ns}/pkg-jest`,
        name: 'jest',
        software_packageVersion: '29.0.0',
        externalIdentifier: [
          {
            type: 'ExternalIdentifier',
            externalIdentifierType: 'packageUrl',
            identifier: 'pkg:npm/jest@29.0.0',
          },
        ],
        creationInfo: '_:creationinfo',
      },
      {
        type: 'simplelicensing_LicenseExpression',
        spdxId: `${ns}/lic-mit`,
        simplelicensing_licenseExpression: 'MIT',
        creationInfo: '_:creationinfo',
      },
      {
        type: 'Relationship',
        spdxId: `${ns}/rel-1`,
        from: `${ns}/pkg-app`,
        relationshipType: 'dependsOn',
        to: [`${ns}/pkg-lodash`],
        creationInfo: '_:creationinfo',
      },
      {
        type: 'LifecycleScopedRelationship',
        spdxId: `${ns}/rel-2`,
        from: `${ns}/pkg-app`,
        relationshipType: 'dependsOn',
        to: [`${ns}/pkg-jest`],
        scope: 'development',
        creationInfo: '_:creationinfo',
      },
      {
        type: 'Relationship',
        spdxId: `${ns}/rel-3`,
        from: `${ns}/pkg-lodash`,
        relationshipType: 'hasConcludedLicense',
        to: [`${ns}/lic-mit`],
        creationInfo: '_:creationinfo',
      },
    ],
  };
}
