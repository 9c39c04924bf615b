export type Lang = 'ja' | 'en';

/** CLI texts in Japanese and English. */
export const MESSAGES = {
  description: {
    ja: 'Shinrai（信頼）— 産業サイバーセキュリティ基盤のコマンドラインツール',
    en: 'Shinrai (信頼) — command-line tool of the industrial cybersecurity platform',
  },
  langOption: { ja: '表示言語 (ja / en)', en: 'language of messages (ja / en)' },
  helpOption: { ja: 'ヘルプを表示', en: 'display help' },
  versionOption: { ja: 'バージョンを表示', en: 'display version' },
  helpCommand: { ja: 'コマンドのヘルプを表示', en: 'display help for a command' },
  serve: {
    ja: 'サーバーを起動（マイグレーション適用後、http://127.0.0.1:8080）',
    en: 'start the server (applies migrations; http://127.0.0.1:8080)',
  },
  migrate: { ja: 'データベースのマイグレーションを適用', en: 'apply database migrations' },
  migrated: { ja: 'マイグレーションを適用しました', en: 'migrations applied' },
  upToDate: { ja: 'データベースは最新です', en: 'database is up to date' },
  createAdmin: {
    ja: 'インスタンス管理者を作成（初回セットアップの代わりにも使えます）',
    en: 'create an instance administrator (can replace first-run setup)',
  },
  emailOpt: { ja: 'メールアドレス', en: 'e-mail address' },
  nameOpt: { ja: '表示名', en: 'display name' },
  orgOpt: {
    ja: '作成する組織名（この管理者がオーナー）',
    en: 'name of an organization to create (owned by this administrator)',
  },
  passwordStdin: {
    ja: 'パスワードを標準入力から読む（未指定時は環境変数 SHINRAI_ADMIN_PASSWORD）',
    en: 'read the password from standard input (otherwise env SHINRAI_ADMIN_PASSWORD)',
  },
  adminCreated: { ja: '管理者を作成しました', en: 'administrator created' },
  noPassword: {
    ja: 'パスワードがありません（--password-stdin または SHINRAI_ADMIN_PASSWORD）',
    en: 'no password given (--password-stdin or SHINRAI_ADMIN_PASSWORD)',
  },
  weakPassword: {
    ja: 'パスワードは12文字以上にしてください',
    en: 'the password must have at least 12 characters',
  },
  emailTaken: {
    ja: 'このメールアドレスのユーザーはすでに存在します',
    en: 'a user with this e-mail already exists',
  },
  backup: {
    ja: 'SQLite データベースのオンラインバックアップ（稼働中でも可）',
    en: 'online backup of the SQLite database (safe while running)',
  },
  backupDone: { ja: 'バックアップを作成しました', en: 'backup written' },
  noDatabase: {
    ja: 'データベースがありません（SHINRAI_DATA_DIR を確認してください）',
    en: 'no database found (check SHINRAI_DATA_DIR)',
  },
  backupPg: {
    ja: 'PostgreSQL では pg_dump を使ってください: pg_dump --format=custom --file=shinrai.dump "$SHINRAI_DATABASE_URL"',
    en: 'For PostgreSQL use pg_dump: pg_dump --format=custom --file=shinrai.dump "$SHINRAI_DATABASE_URL"',
  },
  restore: {
    ja: 'バックアップから SQLite データベースを復元（サーバー停止中に実行）',
    en: 'restore the SQLite database from a backup (run with the server stopped)',
  },
  restorePg: {
    ja: 'PostgreSQL では pg_restore を使ってください: pg_restore --clean --dbname="$SHINRAI_DATABASE_URL" shinrai.dump',
    en: 'For PostgreSQL use pg_restore: pg_restore --clean --dbname="$SHINRAI_DATABASE_URL" shinrai.dump',
  },
  restoreBad: { ja: 'バックアップファイルとして使えません', en: 'not usable as a backup' },
  restoreDone: {
    ja: '復元しました。以前のデータベースの控え',
    en: 'restored. The previous database was kept at',
  },
  auditCmd: { ja: '監査ログの操作', en: 'audit log operations' },
  auditVerify: {
    ja: '監査ログのハッシュチェーンを検証し、最後の署名付きチェックポイントと照合（最初の破損箇所を報告）',
    en: 'verify the audit hash chains against their last signed checkpoints and report the first broken link',
  },
  checkpointsOpt: {
    ja: 'チェックポイントファイル（既定は SHINRAI_AUDIT_CHECKPOINT_FILE。別の場所へ送った控えを指定できます）',
    en: 'checkpoint file (default SHINRAI_AUDIT_CHECKPOINT_FILE; give the copy shipped elsewhere)',
  },
  publicKeyOpt: {
    ja: 'チェックポイントを検証する公開鍵（PEM。既定はインスタンスの鍵）',
    en: 'public key (PEM) to check the checkpoints with (default: the instance key)',
  },
  auditCheckpoint: {
    ja: '各チェーンの先頭の署名付きチェックポイントを今すぐ書き出す（ファイルと標準出力）',
    en: 'write a signed checkpoint of each chain head now (to the file and standard output)',
  },
  checkpointAllOpt: {
    ja: '前回から変化のないチェーンも書き出す',
    en: 'also for chains unchanged since their last checkpoint',
  },
  auditPublicKey: {
    ja: 'チェックポイント署名鍵の公開鍵（PEM）を表示',
    en: 'print the public key (PEM) that checkpoint signatures verify with',
  },
  auditNoCheckpoints: {
    ja: 'チェックポイントファイルがありません（{file}）。末尾の削除は検出できません',
    en: 'no checkpoint file ({file}): entries cut from the end cannot be detected',
  },
  auditCheckpointFile: {
    ja: 'チェックポイント: {file}（{n} チェーン）',
    en: 'checkpoints: {file} ({n} chains)',
  },
  auditBadCheckpoint: {
    ja: '署名を検証できないチェックポイント: {file} {line} 行目',
    en: 'checkpoint whose signature does not verify: {file} line {line}',
  },
  auditCheckpointLine: {
    ja: 'チェックポイント: {seq} 件目 {head}（{at}、鍵 {key}）',
    en: 'checkpoint: entry {seq} {head} ({at}, key {key})',
  },
  auditChainDeleted: {
    ja: 'チェーン全体が削除されています（チェックポイントでは {cp} 件）',
    en: 'the whole chain was deleted (the checkpoint has {cp} entries)',
  },
  auditTailCut: {
    ja: '末尾のエントリが削除されています（現在 {n} 件、チェックポイントでは {cp} 件）',
    en: 'entries were cut from the end ({n} now, the checkpoint has {cp})',
  },
  auditCheckpointMismatch: {
    ja: 'チェックポイント時点（{cp} 件目）のハッシュが一致しません。エントリが書き換えられ、以降のハッシュが再計算されています',
    en: 'the hash at the checkpoint (entry {cp}) differs: entries were rewritten and the later hashes recomputed',
  },
  auditHeadMismatch: {
    ja: 'チェーンが記録された先頭で終わっていません（{n} 件を検証）',
    en: 'the chain does not end at its recorded head ({n} entries checked)',
  },
  auditBadKey: { ja: '公開鍵として読めません（PEM）', en: 'not readable as a public key (PEM)' },
  auditCheckpointsWritten: {
    ja: 'チェックポイントを {n} 件書き出しました: {file}',
    en: '{n} checkpoints written to {file}',
  },
  auditOk: { ja: '監査ログは改ざんされていません', en: 'audit log intact' },
  auditBroken: { ja: '監査ログの破損を検出', en: 'audit log broken' },
  entries: { ja: '件', en: 'entries' },
  chain: { ja: 'チェーン', en: 'chain' },
  instance: { ja: 'インスタンス', en: 'instance' },
  seq: { ja: '連番', en: 'seq' },
  fileArg: { ja: 'ファイル', en: 'file' },
  catalogCmd: {
    ja: 'カタログ（フレームワーク・チェックリスト）の操作',
    en: 'catalog (framework, checklist) operations',
  },
  catalogImport: {
    ja: '.xlsx / .csv からカタログを取り込む（全件成功時のみ書き込み）',
    en: 'import a catalog from .xlsx / .csv (written only if every row is valid)',
  },
  orgOption: { ja: '取り込み先の組織の識別子（slug）', en: 'slug of the organization to import into' },
  sheetOption: { ja: 'シート名（既定は最初のシート）', en: 'sheet name (default: the first sheet)' },
  mapOption: {
    ja: '列の対応 例: ref=ID,parent=親ID,titleJa=項目名,titleEn=Title（既定は Shinrai の書き出し形式）',
    en: 'column mapping, e.g. ref=ID,parent=Parent,titleJa=項目名,titleEn=Title (default: Shinrai export layout)',
  },
  urnOption: {
    ja: '新しいカタログの URN（urn:shinrai:catalog:…）',
    en: 'URN of a new catalog (urn:shinrai:catalog:…)',
  },
  packVersionOption: { ja: '新しいカタログの版（例 1.0.0）', en: 'version of a new catalog (e.g. 1.0.0)' },
  titleJaOption: { ja: 'カタログ名（日本語）', en: 'catalog title (Japanese)' },
  titleEnOption: { ja: 'カタログ名（英語）', en: 'catalog title (English)' },
  baseOption: {
    ja: '拡張する既存カタログ（URN または URN@版）',
    en: 'existing catalog to extend (URN or URN@version)',
  },
  officialOption: {
    ja: '取り込む項目を公式（出典で確認済み）として扱う',
    en: 'mark imported items as official (confirmed by the source)',
  },
  dryRunOption: { ja: '書き込まずに変更内容だけ表示', en: 'show the changes without writing' },
  fileUnreadable: { ja: 'ファイルを読めません', en: 'cannot read the file' },
  orgUnknown: { ja: '組織が見つかりません', en: 'no such organization' },
  catalogUnknown: { ja: 'カタログが見つかりません', en: 'no such catalog' },
  importInvalid: {
    ja: '取り込みを中止しました。何も書き込んでいません',
    en: 'import refused; nothing was written',
  },
  versionExists: { ja: 'この版はすでにあります', en: 'this version already exists' },
  dryRun: { ja: '確認のみ（書き込みなし）', en: 'dry run: nothing written' },
  imported: { ja: '取り込みました', en: 'imported' },
  items: { ja: '項目', en: 'items' },
  row: { ja: '行', en: 'row' },
  column: { ja: '列', en: 'column' },
  advisoriesCmd: {
    ja: '脆弱性情報データベース（OSV）の操作',
    en: 'advisory database (OSV) operations',
  },
  advisoriesImport: {
    ja: 'OSV のレコードを取り込む（フォルダ、エコシステムの all.zip、または .json 1件。更新分だけ書き込み）',
    en: 'import OSV records (a folder, an ecosystem all.zip or one .json; only changed records are written)',
  },
  pathArg: { ja: 'フォルダまたはファイル', en: 'folder or file' },
  advisoryRecords: { ja: '件', en: 'records' },
  advisoriesProgress: { ja: '取り込み', en: 'import' },
  advisoriesRefused: { ja: '取り込みを中止しました', en: 'import refused' },
  advisoriesSummary: {
    ja: '処理 {processed} 件: 追加 {added}、更新 {updated}、変更なし {unchanged}、スキップ {skipped}（取り下げ {withdrawn}、悪意あるパッケージ {malicious}）',
    en: 'processed {processed}: added {added}, updated {updated}, unchanged {unchanged}, skipped {skipped} (withdrawn {withdrawn}, malicious {malicious})',
  },
  advisoriesRematch: {
    ja: '製品の再照合をジョブとして登録しました',
    en: 'portfolio re-match queued as a job',
  },
  elapsed: { ja: '所要時間', en: 'elapsed' },
  advisoriesFeed: {
    ja: '脆弱性情報の定期取得（フィード）の配信元（設定は Web の脆弱性情報データベース画面）',
    en: 'sources of the scheduled advisory feed (configured on the web advisory database page)',
  },
  advisoriesFeedList: {
    ja: '配信元の一覧（名前・種類・エコシステム・スケジュール・前回の結果・データの古さ・エラー）',
    en: 'list the sources (name, kind, ecosystem, schedule, last result, age of the data, error)',
  },
  advisoriesFeedRun: {
    ja: '配信元を今すぐ実行（既定: 有効なすべての配信元）',
    en: 'run sources now (default: every enabled source)',
  },
  sourceOption: { ja: '実行する配信元の名前', en: 'name of the source to run' },
  feedNone: { ja: '配信元はありません', en: 'no source' },
  feedNever: { ja: '未取得', en: 'never' },
  feedAgeHours: { ja: '{n} 時間前', en: '{n} h ago' },
  feedDisabled: { ja: '無効', en: 'disabled' },
  feedUnknownSource: { ja: 'その名前の配信元はありません', en: 'no source of that name' },
  sharingCmd: {
    ja: '攻撃情報の共有（秘匿化など）',
    en: 'attack-information sharing (sanitization and more)',
  },
  sharingSanitize: {
    ja: '報告本文の秘匿化候補と攻撃者の指標を JSON Lines で出力する（入力 1 行に出力 1 行、位置は UTF-16 単位）',
    en: 'propose redactions and attacker indicators as JSON Lines (one output line per input line; offsets in UTF-16 code units)',
  },
  jsonlOption: {
    ja: '入力ファイル（1 行に {"id","lang","dictionary","text"}）',
    en: 'input file (one {"id","lang","dictionary","text"} per line)',
  },
  sharingBadLine: {
    ja: '入力を読めません（何も出力していません）',
    en: 'cannot read the input (nothing was written)',
  },
  line: { ja: '行', en: 'line' },
  sharingImportStix: {
    ja: 'STIX 2.1 バンドル（MISP・OpenCTI の出力など）を組織の外部インテリジェンスに取り込む',
    en: "import a STIX 2.1 bundle (MISP or OpenCTI export) into an organization's outside intelligence",
  },
  stixRefused: {
    ja: 'バンドルを取り込めません（何も保存していません）',
    en: 'cannot import the bundle (nothing was saved)',
  },
  stixCounts: {
    ja: '追加 {added} · 更新 {updated} · 変更なし {unchanged} · 見送り {skipped}',
    en: '{added} added · {updated} updated · {unchanged} unchanged · {skipped} skipped',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function pickLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.indexOf('--lang');
  const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const v = flag ?? env.SHINRAI_LANG ?? (env.LANG?.startsWith('en') ? 'en' : 'ja');
  return v === 'en' ? 'en' : 'ja';
}
