/** Why a record was skipped (the import goes on) or why a whole source was refused (nothing read from it). */
export type SkipReason =
  'malformed_json' | 'malformed_yaml' | 'invalid_record' | 'unknown_ecosystem' | 'no_package' | 'not_utf8';

export type RefusalReason =
  | 'unreadable'
  | 'not_a_zip'
  | 'path_traversal'
  | 'entry_too_large'
  | 'compression_ratio'
  | 'archive_too_large'
  | 'encrypted_entry'
  | 'unsupported_compression'
  | 'corrupt_archive'
  | 'no_records';

type Text = { ja: string; en: string };

export const SKIP_MESSAGES: Record<SkipReason, Text> = {
  malformed_json: { ja: 'JSON として読めないファイル', en: 'file is not valid JSON' },
  malformed_yaml: {
    ja: 'YAML として読めないファイル（別名の多用・重複キーを含む）',
    en: 'file is not valid YAML (or uses many aliases or duplicate keys)',
  },
  invalid_record: {
    ja: 'OSV レコードではない（id または modified がない）',
    en: 'not an OSV record (no id or modified)',
  },
  unknown_ecosystem: {
    ja: 'バージョン比較に対応していないエコシステム',
    en: 'ecosystem whose versions Shinrai cannot compare',
  },
  no_package: { ja: '影響を受けるパッケージが書かれていない', en: 'names no affected package' },
  not_utf8: { ja: 'UTF-8 でないファイル', en: 'file is not UTF-8' },
};

export const REFUSAL_MESSAGES: Record<RefusalReason, Text> = {
  unreadable: { ja: 'ファイルまたはフォルダを読めません。', en: 'The file or folder cannot be read.' },
  not_a_zip: {
    ja: 'ZIP として読めません（壊れているか途中で切れています）。',
    en: 'Not a readable ZIP archive (damaged or truncated).',
  },
  path_traversal: {
    ja: 'アーカイブ外を指すファイル名（../ や絶対パス）を含むため受け付けません。',
    en: 'The archive holds an entry name that points outside it (../ or an absolute path); refused.',
  },
  entry_too_large: {
    ja: '展開後のサイズが上限を超えるファイルを含むため受け付けません。',
    en: 'An entry is larger than allowed once uncompressed; refused.',
  },
  compression_ratio: {
    ja: '圧縮率が異常に高いファイル（ZIP 爆弾の疑い）を含むため受け付けません。',
    en: 'An entry is compressed far more than a real record (suspected zip bomb); refused.',
  },
  archive_too_large: {
    ja: 'アーカイブ全体の展開後サイズが上限を超えます。',
    en: 'The archive is larger than allowed once uncompressed.',
  },
  encrypted_entry: { ja: '暗号化されたファイルを含みます。', en: 'The archive holds an encrypted entry.' },
  unsupported_compression: {
    ja: '対応していない圧縮方式のファイルを含みます。',
    en: 'The archive uses a compression method that is not supported.',
  },
  corrupt_archive: {
    ja: '読み込みの途中でアーカイブが壊れていることが分かりました。読み込み済みのバッチは有効です。',
    en: 'The archive turned out to be damaged while reading; batches already written stay valid.',
  },
  no_records: { ja: 'OSV レコード（.json）が見つかりません。', en: 'No OSV records (.json) found.' },
};

/** Counts per skip reason, with a few examples (entry names or "ID (ecosystem)"). */
export type SkippedReasons = Partial<Record<SkipReason, { count: number; examples: string[] }>>;

const MAX_EXAMPLES = 5;

export function noteSkip(into: SkippedReasons, reason: SkipReason, example: string): void {
  const slot = (into[reason] ??= { count: 0, examples: [] });
  slot.count++;
  if (slot.examples.length < MAX_EXAMPLES) slot.examples.push(example.slice(0, 200));
}
