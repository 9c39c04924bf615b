import { describe, expect, it } from 'vitest';
import { checkPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy.ts';

describe('checkPassword', () => {
  const email = 'taro.yamada@example.jp';

  it('accepts a long passphrase', () => {
    expect(checkPassword('correct horse battery staple', email)).toBeNull();
  });

  it('enforces the minimum length at exactly 12 characters', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(checkPassword('x'.repeat(11), email)).toBe('too_short');
    expect(checkPassword('x'.repeat(12), email)).toBeNull();
  });

  it('counts characters, not UTF-16 code units', () => {
    expect(checkPassword('信頼できるパスワードです', email)).toBeNull(); // 12 characters
    expect(checkPassword('信頼できるパスワード', email)).toBe('too_short'); // 10 characters
    expect(checkPassword('🔐🔐🔐🔐🔐🔐', email)).toBe('too_short'); // 6 characters, 12 code units
  });

  it('enforces the maximum length', () => {
    expect(checkPassword('y'.repeat(MAX_PASSWORD_LENGTH), email)).toBeNull();
    expect(checkPassword('y'.repeat(MAX_PASSWORD_LENGTH + 1), email)).toBe('too_long');
  });

  it('refuses a password containing the e-mail name, case-insensitively', () => {
    expect(checkPassword('my name is Taro.Yamada!', email)).toBe('contains_email');
    expect(checkPassword('TARO.YAMADA-2025-secret', email)).toBe('contains_email');
    expect(checkPassword('taro yamada 2025 secret', email)).toBeNull();
  });

  it('ignores very short e-mail names (fewer than 4 characters)', () => {
    expect(checkPassword('bob-is-my-uncle-123', 'bob@example.jp')).toBeNull();
    expect(checkPassword('anna-is-my-aunt-123', 'anna@example.jp')).toBe('contains_email');
  });
});
