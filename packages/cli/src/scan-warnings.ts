/**
 * Warnings of a readable SBOM (a field-level schema problem, an invalid purl, a component that
 * cannot be matched) in every `sbom scan` output: table lines, a JSON list, SARIF results.
 */
// Deep import, never the barrel: `sbom scan` start-up time.
import { sbomProblemMessage, type SbomProblem } from '@shinrai/formats/sbom';

type Lang = 'ja' | 'en';

export interface ScanWarning {
  code: string;
  message: string;
  component?: string;
  pointer?: string;
  line?: number;
}

const HEADING = { ja: '警告', en: 'Warnings' } as const;

export function scanWarnings(problems: readonly SbomProblem[], lang: Lang): ScanWarning[] {
  return problems.map((p) => ({
    code: p.code,
    message: sbomProblemMessage(p, lang),
    ...(p.component !== undefined ? { component: p.component } : {}),
    ...(p.pointer !== undefined ? { pointer: p.pointer } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}),
  }));
}

/** Where a warning is: pointer or line, and the component it is about. */
function where(w: ScanWarning): string {
  return [
    w.pointer,
    w.line !== undefined ? `line ${w.line}` : undefined,
    w.component ? `[${w.component}]` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
}

export function warningLines(warnings: readonly ScanWarning[], lang: Lang): string {
  if (warnings.length === 0) return '';
  const lines = warnings.map((w) => `  ${where(w)}${where(w) ? ': ' : ''}${w.message}\n`);
  return `${HEADING[lang]} (${warnings.length}):\n${lines.join('')}`;
}

/** SARIF rules and results for the warnings (level `warning`, rule `sbom/<code>`), pointing at the file. */
export function sarifWarnings(file: string, warnings: readonly ScanWarning[]) {
  const rules = [...new Set(warnings.map((w) => w.code))].map((code) => ({
    id: `sbom/${code}`,
    shortDescription: { text: code },
  }));
  const results = warnings.map((w) => ({
    ruleId: `sbom/${w.code}`,
    level: 'warning',
    message: { text: `${where(w)}${where(w) ? ': ' : ''}${w.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: file },
          ...(w.line !== undefined ? { region: { startLine: w.line } } : {}),
        },
        ...(w.pointer !== undefined ? { logicalLocations: [{ fullyQualifiedName: w.pointer }] } : {}),
      },
    ],
    properties: { component: w.component ?? null, pointer: w.pointer ?? null },
  }));
  return { rules, results };
}
