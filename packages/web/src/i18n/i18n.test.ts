import { describe, expect, it } from 'vitest';
import en from './en.json';
import ja from './ja.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : values(value)));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

describe('i18n resources', () => {
  it('ja and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(ja).sort());
  });

  it('no translation is empty', () => {
    for (const text of [...values(ja), ...values(en)]) expect(text.trim()).not.toBe('');
  });

  it('ja and en use the same interpolation variables', () => {
    for (const key of keys(ja)) {
      const jaText = lookup(ja, key) ?? '';
      const enText = lookup(en, key) ?? '';
      expect({ key, vars: placeholders(enText) }).toEqual({ key, vars: placeholders(jaText) });
    }
  });

  it('has all 47 prefectures with JIS codes', () => {
    const codes = Object.keys(ja.prefectures).sort();
    expect(codes).toHaveLength(47);
    expect(codes[0]).toBe('01');
    expect(codes[46]).toBe('47');
  });
});
