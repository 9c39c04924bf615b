import { MESSAGES, type Lang, type MessageKey } from './messages.ts';

export interface Out {
  lang: Lang;
  line(s: string): void;
  /** Prints a message to stderr and returns exit code 2 (bad input or usage). */
  fail(key: MessageKey, extra?: string): number;
}

export function t(out: { lang: Lang }, key: MessageKey): string {
  return MESSAGES[key][out.lang];
}

export function consoleOut(lang: Lang): Out {
  return {
    lang,
    line: (s) => process.stdout.write(`${s}\n`),
    fail(key, extra) {
      process.stderr.write(`${MESSAGES[key][lang]}${extra ? `: ${extra}` : ''}\n`);
      return 2;
    },
  };
}
