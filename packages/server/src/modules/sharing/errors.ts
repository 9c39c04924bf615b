import { failWith } from '../../platform/http/errors.ts';

/** Error codes of the sharing module. */
export const SHARING_ERRORS = {
  sharing_not_hub: {
    status: 409,
    ja: 'この組織は情報共有ハブではありません（組織の種別を「ハブ」にしてください）。',
    en: 'This organization is not a sharing hub (set its kind to hub).',
  },
  sharing_nda_required: {
    status: 409,
    ja: 'ハブの秘密保持契約（NDA）の現行版に同意してから操作してください。',
    en: 'Accept the current version of the hub’s NDA first.',
  },
  sharing_nda_version: {
    status: 409,
    ja: '同意しようとした NDA の版が現行版と異なります。最新の版を確認してください。',
    en: 'The NDA version you accepted is not the current one; read the current version.',
  },
  sharing_state: {
    status: 409,
    ja: 'この報告は現在の状態ではこの操作ができません。',
    en: 'The report is not in a state that allows this.',
  },
  sharing_redactions_invalid: {
    status: 422,
    ja: '秘匿化の範囲が不正です（本文の範囲外、または重なっています）。',
    en: 'A redaction is outside the text or overlaps another.',
  },
  sharing_not_member: {
    status: 422,
    ja: 'このハブの会員ではない組織が指定されています。',
    en: 'An organization that is not a member of this hub was given.',
  },
  sharing_attachment_type: {
    status: 415,
    ja: '添付できるのはメール（.eml）とテキスト（.txt・.log・.csv）だけです。実行ファイルや圧縮ファイルなどは受け付けません（検体はハッシュ値で報告してください）。',
    en: 'Only mail (.eml) and text (.txt, .log, .csv) can be attached; executables, archives and other binaries are refused (report samples by their hashes).',
  },
  sharing_attachment_count: {
    status: 422,
    ja: '1 件の報告に添付できるファイルの上限に達しています。',
    en: 'The report already has the largest number of attachments allowed.',
  },
  sharing_eml_invalid: {
    status: 422,
    ja: 'メールファイルを読めません（ヘッダーの形式、ヘッダー数・MIME パート数・入れ子の深さの上限）。示された行を確認してください。',
    en: 'The mail file cannot be read (header format, or the limit on headers, MIME parts or nesting); see the line given.',
  },
  sharing_attachment_memory: {
    status: 413,
    ja: '添付ファイルの読み込みに必要なメモリが上限を超えました。小さくしたファイル（メールなら添付ファイルを除いたもの）を添付してください。',
    en: 'Reading the attached file needs more memory than the limit; attach a smaller file (a mail without its own attachments, for example).',
  },
  sharing_text_memory: {
    status: 413,
    ja: '報告本文の解析（秘匿化の提案）に必要なメモリが上限を超えました。本文を短くして送ってください。',
    en: 'Analysing the report text (the redaction proposal) needs more memory than the limit; send a shorter text.',
  },
} as const;

export const fail = failWith(SHARING_ERRORS);
