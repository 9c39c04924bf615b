import { createTheme } from '@mantine/core';

const fontFamily =
  'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", Meiryo, sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily,
  headings: { fontFamily },
  defaultRadius: 'md',
});
