import { describe, expect, it } from 'vitest';
import { basicPolicy, DEFAULT_POLICY_SCOPE, type PolicyInput } from './policy.ts';

const input = (over: Partial<PolicyInput> = {}): PolicyInput => ({
  companyName: '山田精密工業',
  representativeTitle: '代表取締役',
  representativeName: '山田 太郎',
  scope: DEFAULT_POLICY_SCOPE.ja,
  contact: '総務部 052-123-4567',
  establishedOn: '2025-04-01',
  ...over,
});

describe('basic policy in the other language than it was written in', () => {
  it('says on the English policy that the entries are shown as written, in Japanese', () => {
    const en = basicPolicy(input(), 'en');
    expect(en.entriesLanguage).toBe('ja');
    expect(en.entriesNote).toMatch(/as the company wrote them, in Japanese/);
    expect(basicPolicy(input(), 'ja').entriesNote).toBeUndefined();
    const english = input({
      companyName: 'Yamada Precision',
      representativeTitle: 'President',
      representativeName: 'Taro Yamada',
      contact: 'office@example.com',
    });
    expect(basicPolicy(english, 'en').entriesNote).toBeUndefined();
  });

  it('uses its own wording for the suggested scope, in both directions', () => {
    expect(basicPolicy(input(), 'en').sections[1]?.body).toBe(
      `This policy covers ${DEFAULT_POLICY_SCOPE.en}.`,
    );
    expect(basicPolicy(input({ scope: DEFAULT_POLICY_SCOPE.en }), 'ja').sections[1]?.body).toBe(
      `この方針は、${DEFAULT_POLICY_SCOPE.ja}を対象とします。`,
    );
    expect(basicPolicy(input({ scope: '本社工場' }), 'en').sections[1]?.body).toBe(
      'This policy covers 本社工場.',
    );
  });
});
