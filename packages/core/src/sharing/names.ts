/**
 * Latin-script person names: the analyser (kuromoji) tags Japanese names, but romanized and Western names
 * need a list. These are common romanized Japanese surnames and given names and common English given names —
 * a seed, extended per hub by its dictionary. Our own selection; no list was copied.
 */
export const LATIN_SURNAMES = new Set(
  (
    'sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi ' +
    'matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto yamashita ishikawa nakajima maeda ' +
    'fujita ogawa goto okada hasegawa murakami kondo ishii saito sakamoto endo aoki fujii nishimura fukuda ota ' +
    'miura fujiwara okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko wada nakayama ishida ueda ' +
    'morita hara shibata sakai kudo yokoyama miyazaki miyamoto uchida takagi ando taniguchi ohno maruyama imai ' +
    'smith johnson williams brown jones miller davis wilson anderson taylor thomas moore martin jackson white ' +
    'harris clark lewis robinson walker young allen king wright scott green baker adams nelson hill campbell ' +
    'kim lee park chen wang zhang liu'
  ).split(/\s+/),
);

export const LATIN_GIVEN_NAMES = new Set(
  (
    'taro jiro ichiro hanako yuki hiroshi takashi makoto kenji satoshi naoki daisuke yusuke kazuki shota ' +
    'ryota takuya yuta kenta haruto sota yuto riku akira koji masato tomoko yoko keiko akiko naomi yumi ' +
    'ayako kumiko mayumi emi sakura aoi yui mei rin haruka misaki nanami kaori megumi yoshiko kazuo ' +
    'james john robert michael william david richard joseph thomas charles mary patricia jennifer linda ' +
    'elizabeth barbara susan jessica sarah karen emily emma olivia alice bob carol dave eve frank grace ' +
    'henry jack kate laura mark nancy paul peter rachel steve tom anna chris daniel kevin brian jason'
  ).split(/\s+/),
);

/** Honorifics that follow a Japanese name (さん, 様, 氏, 役職) or precede a Latin one (Mr., Ms., Dr.). */
export const JA_NAME_SUFFIX =
  /^(?:さん|様|さま|氏|くん|君|殿|部長|課長|係長|主任|社長|室長|所長|専務|常務|取締役)/;
export const JA_NOT_NAMES = new Set([
  'お客',
  '皆',
  '各位',
  '担当者',
  '御社',
  '貴社',
  '弊社',
  '当社',
  '先方',
  '関係者',
  'お客',
  '利用者',
]);
