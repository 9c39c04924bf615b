import { REFUSAL_MESSAGES, type RefusalReason } from '../feed/reasons.ts';

/** Why a feed run failed before or around the import (the import's own refusals keep their codes). */
export type FeedErrorCode =
  'http_status' | 'network' | 'timeout' | 'download_too_large' | 'not_zip' | 'folder_missing' | 'internal';

type Text = { ja: string; en: string };

export const FEED_ERROR_MESSAGES: Record<FeedErrorCode, Text> = {
  http_status: {
    ja: '配信元のサーバーがエラーを返しました（詳細に HTTP ステータスがあります）。URL と配信元の状態を確認してください。',
    en: 'The source server answered with an error (the detail gives the HTTP status). Check the URL and the server.',
  },
  network: {
    ja: '配信元に接続できませんでした（名前解決・接続・TLS のいずれか）。ネットワークとプロキシの設定を確認してください。',
    en: 'Could not connect to the source (name lookup, connection or TLS). Check the network and proxy settings.',
  },
  timeout: {
    ja: '配信元からの取得が時間内に終わりませんでした。',
    en: 'Downloading from the source did not finish in time.',
  },
  download_too_large: {
    ja: 'ダウンロードが上限サイズを超えたため取り込みませんでした（何も書き込んでいません）。',
    en: 'The download exceeded the size limit and was not imported (nothing was written).',
  },
  not_zip: {
    ja: '取得したファイルは OSV の all.zip（ZIP）ではありません。',
    en: 'The downloaded file is not an OSV all.zip (not a ZIP archive).',
  },
  folder_missing: {
    ja: 'フォルダが見つからないか読めません（フィードのフォルダの下にある必要があります）。',
    en: 'The folder does not exist or cannot be read (it must be under the feed folder).',
  },
  internal: { ja: '予期しないエラーで止まりました。', en: 'Stopped by an unexpected error.' },
};

/** A run's error as the API shows it: its code, its detail (where it happened) and ja/en messages. */
export function feedErrorView(text: string | null) {
  if (text === null) return null;
  const e = JSON.parse(text) as { code: string; detail: string };
  const message =
    e.code in FEED_ERROR_MESSAGES
      ? FEED_ERROR_MESSAGES[e.code as FeedErrorCode]
      : e.code in REFUSAL_MESSAGES
        ? REFUSAL_MESSAGES[e.code as RefusalReason]
        : FEED_ERROR_MESSAGES.internal;
  return { code: e.code, detail: e.detail, message };
}
