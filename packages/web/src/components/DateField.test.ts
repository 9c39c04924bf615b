import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../api/types';
import { DateField, type DateFieldProps, isCalendarDate, spelledDate } from './DateField';

/** The field as the browser receives it, in the given UI language. */
function render(lang: Locale, props: Partial<DateFieldProps> & { value: string }): string {
  const i18n = i18next.createInstance();
  void i18n.init({ lng: lang, resources: {}, initAsync: false });
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(
        MantineProvider,
        null,
        createElement(DateField, { label: 'Due', onChange: () => undefined, ...props }),
      ),
    ),
  );
}

/** The text of the spelled date under the field, or null when there is none. */
function spelledIn(html: string): string | null {
  return /data-testid="date-spelled"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;
}

describe('DateField', () => {
  it('spells the chosen date in Japanese under the field', () => {
    const html = render('ja', { value: '2026-09-15' });
    expect(spelledIn(html)).toBe('2026年9月15日');
    expect(html).toMatch(/<input[^>]*type="date"[^>]*value="2026-09-15"/);
  });

  it('spells the chosen date in English', () => {
    expect(spelledIn(render('en', { value: '2026-09-15' }))).toBe('Sep 15, 2026');
    // 1 January stays 1 January: the date is a date in Japan, not shifted by a time zone
    expect(spelledIn(render('en', { value: '2027-01-01' }))).toBe('Jan 1, 2027');
    expect(spelledIn(render('ja', { value: '2027-01-01' }))).toBe('2027年1月1日');
  });

  it('spells nothing for an empty or invalid value', () => {
    expect(spelledIn(render('ja', { value: '' }))).toBeNull();
    expect(spelledIn(render('ja', { value: '2026-02-30' }))).toBeNull();
    expect(spelledIn(render('en', { value: 'not a date' }))).toBeNull();
    expect(spelledIn(render('ja', { value: '2026-9-15' }))).toBeNull();
  });

  it('keeps the label, description, error, bounds and required of the field', () => {
    const html = render('ja', {
      value: '2026-09-15',
      description: 'Hint',
      error: 'Wrong',
      min: '2026-01-01',
      max: '2026-12-31',
      required: true,
      'aria-label': 'Due date',
    });
    for (const part of ['>Due', '>Hint<', '>Wrong<', 'min="2026-01-01"', 'max="2026-12-31"', 'required']) {
      expect(html).toContain(part);
    }
    expect(html).toContain('aria-label="Due date"');
    expect(html).toContain('aria-invalid="true"');
    // the hint above the field, the spelled date under it, the error last
    const order = ['>Hint<', '<input', '2026年9月15日', '>Wrong<'].map((part) => html.indexOf(part));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('spelledDate', () => {
  it('checks that the date exists', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-09-15T00:00:00Z')).toBe(false);
    expect(spelledDate(null, 'ja')).toBe('');
    expect(spelledDate('2028-02-29', 'ja')).toBe('2028年2月29日');
  });
});

describe('date fields in the app', () => {
  const SRC = path.resolve(import.meta.dirname, '..');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return sources(p);
      return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
    });

  it('are all DateFields: no bare browser date or date-and-time field', () => {
    // a bare <input type="date"> shows 11/12/2026 to a Japanese user of an English browser
    const bare = sources(SRC).flatMap((file) =>
      path.relative(SRC, file) === path.join('components', 'DateField.tsx')
        ? []
        : [...readFileSync(file, 'utf8').matchAll(/type(?:=|:\s*)["'](date|datetime-local)["']/g)].map(
            (m) => `${path.relative(SRC, file)}: ${m[0]}`,
          ),
    );
    expect(bare).toEqual([]);
  });
});
