/** Error codes of the public error body, with their messages in Japanese and English. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'locked',
  'mfa_required',
  'invalid_credentials',
  'invalid_token',
  'expired',
  'setup_done',
  'setup_code_invalid',
  'payload_too_large',
  'unsupported_media_type',
  'csrf_failed',
  'last_owner',
  'role_not_grantable',
  'weak_password',
  'email_taken',
  'slug_taken',
  'invalid_corporate_number',
  'relationship_exists',
  'relationship_self',
  'relationship_transition',
  'totp_invalid',
  'oidc_disabled',
  'oidc_failed',
  'unknown_item',
  'import_invalid',
  'revision_conflict',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Locale = 'ja' | 'en';

export const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  bad_request: { ja: 'リクエストの形式が正しくありません。', en: 'The request is malformed.' },
  validation_failed: { ja: '入力内容に誤りがあります。', en: 'Some input is not valid.' },
  unauthenticated: { ja: 'ログインが必要です。', en: 'You need to sign in.' },
  forbidden: { ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' },
  not_found: { ja: '対象が見つかりません。', en: 'Not found.' },
  conflict: { ja: '現在の状態ではこの操作はできません。', en: 'This conflicts with the current state.' },
  rate_limited: {
    ja: '試行回数が多すぎます。しばらく待ってから再度お試しください。',
    en: 'Too many attempts. Please wait and try again.',
  },
  locked: {
    ja: 'ログインの失敗が続いたため、アカウントを一時的にロックしました。時間をおいて再度お試しください。',
    en: 'This account is temporarily locked after repeated failed sign-ins. Try again later.',
  },
  mfa_required: { ja: '確認コードの入力が必要です。', en: 'A verification code is required.' },
  invalid_credentials: {
    ja: 'メールアドレスまたはパスワードが正しくありません。失敗が続いたアカウントは一時的にロックされ、登録のメールアドレスにお知らせが届きます。',
    en: 'The e-mail address or password is incorrect. After repeated failures an account is locked for a while, and its address is told by e-mail.',
  },
  invalid_token: {
    ja: 'リンクまたはトークンが無効です。',
    en: 'The link or token is not valid.',
  },
  expired: { ja: '有効期限が切れています。', en: 'This has expired.' },
  setup_done: { ja: '初期設定はすでに完了しています。', en: 'Setup has already been completed.' },
  setup_code_invalid: {
    ja: 'セットアップコードが正しくありません。サーバーのログに表示されたコードを入力してください。',
    en: 'The setup code is wrong. Enter the code printed in the server log.',
  },
  payload_too_large: { ja: 'リクエストが大きすぎます。', en: 'The request is too large.' },
  unsupported_media_type: {
    ja: 'この形式のデータは受け付けていません。',
    en: 'This content type is not supported.',
  },
  csrf_failed: {
    ja: 'セキュリティトークンが一致しません。ページを再読み込みしてください。',
    en: 'Security token mismatch. Reload the page.',
  },
  last_owner: {
    ja: '最後のオーナーを削除・変更することはできません。',
    en: 'The last owner cannot be removed or demoted.',
  },
  role_not_grantable: {
    ja: 'このロールを付与する権限がありません。',
    en: 'You may not grant this role.',
  },
  weak_password: {
    ja: 'パスワードは12文字以上で、メールアドレスを含まないものにしてください。',
    en: 'Use a password of at least 12 characters that does not contain your e-mail name.',
  },
  email_taken: {
    ja: 'このメールアドレスはすでに登録されています。',
    en: 'This e-mail address is already registered.',
  },
  slug_taken: { ja: 'この識別子はすでに使われています。', en: 'This identifier is already in use.' },
  invalid_corporate_number: {
    ja: '法人番号が正しくありません（13桁、チェックディジットを確認してください）。',
    en: 'The corporate number is not valid (13 digits with a check digit).',
  },
  relationship_exists: {
    ja: 'この組織との同じ種類の関係がすでにあります。',
    en: 'A relationship of this type with this organization already exists.',
  },
  relationship_self: {
    ja: '自組織との関係は作成できません。',
    en: 'An organization cannot have a relationship with itself.',
  },
  relationship_transition: {
    ja: 'この関係に対してこの操作はできません。',
    en: 'This action is not possible for this relationship.',
  },
  totp_invalid: { ja: '確認コードが正しくありません。', en: 'The verification code is wrong.' },
  oidc_disabled: {
    ja: 'シングルサインオンは設定されていません。',
    en: 'Single sign-on is not configured.',
  },
  oidc_failed: {
    ja: 'シングルサインオンに失敗しました。',
    en: 'Single sign-on failed.',
  },
  unknown_item: { ja: 'このカタログにない項目です。', en: 'This item is not in the catalog.' },
  import_invalid: {
    ja: '取り込むファイルに誤りがあります。何も書き込んでいません。',
    en: 'The file has errors. Nothing was written.',
  },
  revision_conflict: {
    ja: '他の人が先に保存しました。最新の内容を読み込み直してから変更してください。',
    en: 'Someone else saved first. Reload the latest version before changing it.',
  },
  internal: {
    ja: 'サーバー内部でエラーが発生しました。',
    en: 'An internal server error occurred.',
  },
};

/** Picks ja or en from an Accept-Language header; Japanese unless English is preferred. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'ja';
  const tags = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((t) => !Number.isNaN(t.q) && t.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const t of tags) {
    if (t.tag.startsWith('ja')) return 'ja';
    if (t.tag.startsWith('en')) return 'en';
  }
  return 'ja';
}

/** An expected failure in a domain operation, carried as a value up to the HTTP edge. */
export class DomainError extends Error {
  constructor(
    /** A platform code, or one a server module declares with its status and messages. */
    readonly code: ErrorCode | (string & {}),
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
