import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Noto Sans JP (SIL OFL) from npm, so Japanese renders in PDFs on any machine without system fonts. */
export const FONT_REGULAR =
  require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
export const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');
