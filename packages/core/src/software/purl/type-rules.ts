/**
 * Per-type rules of the purl type definitions (purl-spec `types/*-definition.json`) that change how a
 * purl is normalized or whether it is valid. Types not listed follow only the generic rules.
 */
export interface PurlTypeRule {
  namespace?: 'required' | 'prohibited';
  lowercaseNamespace?: boolean;
  lowercaseName?: boolean;
  lowercaseVersion?: boolean;
  /** Replace `_` by `-` in the name (PyPI name normalization). */
  dashName?: boolean;
  /** Only the first path segment is the namespace; the rest belongs to the name (git hosts). */
  hostNamespace?: boolean;
  namePattern?: RegExp;
  versionPattern?: RegExp;
  requiredQualifiers?: readonly string[];
  /** Lowercase the name when the qualifiers say so (MLflow on Databricks is case-insensitive). */
  lowercaseNameWhen?: (qualifiers: Readonly<Record<string, string>>) => boolean;
}

export const PURL_TYPE_RULES: Readonly<Record<string, PurlTypeRule>> = {
  alpm: { lowercaseNamespace: true, lowercaseName: true, namespace: 'required' },
  apk: { lowercaseNamespace: true, lowercaseName: true, namespace: 'required' },
  bitbucket: { lowercaseNamespace: true, lowercaseName: true, namespace: 'required' },
  bitnami: { lowercaseName: true, namespace: 'prohibited' },
  brew: { lowercaseNamespace: true, lowercaseName: true },
  'chrome-extension': {
    namespace: 'prohibited',
    lowercaseName: true,
    namePattern: /^[a-p]{32}$/,
    versionPattern: /^\d+(\.\d+){0,3}$/,
  },
  composer: { lowercaseNamespace: true, lowercaseName: true },
  cpan: { namePattern: /^(?!.*::)/ },
  deb: { lowercaseNamespace: true, lowercaseName: true, namespace: 'required' },
  git: { hostNamespace: true, lowercaseNamespace: true, lowercaseName: true, namespace: 'required' },
  github: { lowercaseNamespace: true, lowercaseName: true, namespace: 'required' },
  hex: { lowercaseNamespace: true, lowercaseName: true },
  huggingface: { lowercaseVersion: true },
  julia: { namespace: 'prohibited', requiredQualifiers: ['uuid'] },
  luarocks: { lowercaseVersion: true },
  mlflow: { lowercaseNameWhen: (q) => /azuredatabricks\.net/i.test(q.repository_url ?? '') },
  otp: { namespace: 'prohibited' },
  pub: { lowercaseName: true },
  pypi: { lowercaseName: true, dashName: true },
  qpkg: { lowercaseNamespace: true },
  swift: { namespace: 'required' },
  vcpkg: { namespace: 'prohibited' },
  'vscode-extension': { namespace: 'required' },
};
