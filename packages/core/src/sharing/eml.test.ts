import { describe, expect, it } from 'vitest';
import {
  defangUrl,
  emlIndicators,
  emlPrescan,
  emlReportText,
  extractUrls,
  isPublicIp,
  MAX_EML_URLS,
  MAX_URL_LENGTH,
  parseAuthResults,
  parseReceived,
  RECIPIENT_PLACEHOLDER,
  redactRecipients,
  type EmlSummary,
} from './eml.ts';

describe('.eml rules', () => {
  it('defangs URLs for display: the scheme broken, the host dots bracketed, the path kept', () => {
    expect(defangUrl('https://example.com')).toBe('hxxps://example[.]com');
    expect(defangUrl('http://a.b.example.net/x.php?q=1.2')).toBe('hxxp://a[.]b[.]example[.]net/x.php?q=1.2');
    expect(defangUrl('HTTPS://EVIL.EXAMPLE/')).toBe('HXXPS://EVIL[.]EXAMPLE/');
  });

  it('extracts URLs once each, without trailing punctuation or Japanese brackets', () => {
    expect(extractUrls('こちら「https://x.example/a」へ。 https://x.example/a. http://y.example/b,')).toEqual(
      ['https://x.example/a', 'http://y.example/b'],
    );
  });

  it('keeps at most MAX_EML_URLS URLs, each once, and skips overlong ones', () => {
    const many = Array.from({ length: 20_000 }, (_v, i) => `https://h${i % 10_000}.example/p`).join(' ');
    const urls = extractUrls(many);
    expect(urls).toHaveLength(MAX_EML_URLS);
    expect(urls[0]).toBe('https://h0.example/p');
    expect(urls.at(-1)).toBe(`https://h${MAX_EML_URLS - 1}.example/p`);
    expect(extractUrls(`https://a.example/${'x'.repeat(MAX_URL_LENGTH)} https://b.example/`)).toEqual([
      'https://b.example/',
    ]);
  });

  it('reads spf, dkim and dmarc results (the first of each)', () => {
    expect(
      parseAuthResults([
        'mx.example; spf=fail (sender IP) smtp.mailfrom=a.example; dkim=none; dmarc=fail (p=none) header.from=b',
        'other; spf=pass',
      ]),
    ).toEqual({ spf: 'fail', dkim: 'none', dmarc: 'fail' });
    expect(parseAuthResults([])).toEqual({ spf: null, dkim: null, dmarc: null });
  });

  it('reads a Received hop and drops the recipient of its for clause', () => {
    const hop = parseReceived(
      'from relay.evil.example (relay.evil.example [203.0.113.45])\r\n\tby mx01.victim.example (Postfix) with ESMTPS id 77A\r\n\tfor <t.sato@victim.example>; Tue, 1 Dec 2026 09:12:43 +0900',
    );
    expect(hop).toEqual({
      from: 'relay.evil.example (relay.evil.example [203.0.113.45])',
      by: 'mx01.victim.example',
      with: 'ESMTPS',
      time: 'Tue, 1 Dec 2026 09:12:43 +0900',
      ips: ['203.0.113.45'],
    });
    expect(JSON.stringify(hop)).not.toContain('t.sato');
    expect(parseReceived('from x ([IPv6:2001:db8::1]) by y; Mon, 1 Jan 2026').ips).toEqual(['2001:db8::1']);
  });

  it('redacts recipient addresses and names, whatever their case', () => {
    const out = redactRecipients('佐藤 太郎 様 (T.Sato@Victim.example) へ', [
      { address: 't.sato@victim.example', name: '佐藤 太郎' },
    ]);
    expect(out).toBe(`${RECIPIENT_PLACEHOLDER} 様 (${RECIPIENT_PLACEHOLDER}) へ`);
  });

  it('redacts a recipient’s account name alone, as a whole token, but not generic ones', () => {
    const out = redactRecipients('account t.sato hacked; at.satou stays; info stays', [
      { address: 't.sato@victim.example' },
      { address: 'info@victim.example' },
    ]);
    expect(out).toBe(`account ${RECIPIENT_PLACEHOLDER} hacked; at.satou stays; info stays`);
  });

  it('tells public IPs from private, loopback, link-local and CGNAT ones', () => {
    expect(
      [
        '10.1.1.1',
        '192.168.0.1',
        '172.20.0.1',
        '127.0.0.1',
        '169.254.1.1',
        '100.64.0.1',
        'fe80::1',
        'fd00::1',
      ].some(isPublicIp),
    ).toBe(false);
    expect(['203.0.113.45', '172.32.0.1', '2001:db8::1'].every(isPublicIp)).toBe(true);
  });

  it('checks headers, parts and nesting before parsing, with the line', () => {
    const headers = Array.from({ length: 6 }, (_, i) => `X-H${i}: v`).join('\r\n');
    const limits = { maxBytes: 1000, maxHeaders: 5, maxParts: 2, maxDepth: 1 };
    expect(emlPrescan(`${headers}\r\n\r\nbody`, limits)).toEqual({ code: 'headers', limit: 5, line: 6 });
    const parts = 'Content-Type: multipart/mixed; boundary="b"\n\n--b\n\nx\n--b\n\ny\n--b\n\nz\n--b--\n';
    expect(emlPrescan(parts, limits)).toEqual({ code: 'parts', limit: 2, line: 9 });
    const deep =
      'Content-Type: multipart/mixed; boundary="a"\n\n--a\nContent-Type: multipart/alternative; boundary="c"\n';
    expect(emlPrescan(deep, limits)).toEqual({ code: 'depth', limit: 1, line: 4 });
    expect(emlPrescan('just some text\n\nmore', limits)).toEqual({ code: 'not_mail', line: 1 });
    expect(emlPrescan('Subject: hi\r\n\r\nbody', limits)).toBeNull();
  });

  const summary: EmlSummary = {
    from: { address: 'support@bank.example', name: '銀行' },
    replyTo: 'desk@evil.example',
    returnPath: 'support@bank.example',
    subject: '本人確認',
    date: null,
    messageId: '<1@evil.example>',
    xMailer: null,
    auth: { spf: 'fail', dkim: null, dmarc: 'fail' },
    received: [
      { from: 'a', by: 'b', with: 'ESMTP', time: null, ips: ['10.0.0.5'] },
      { from: 'c', by: 'a', with: 'ESMTP', time: null, ips: ['203.0.113.45'] },
    ],
    body: '確認はこちら https://login.evil.example/x',
    urls: ['https://login.evil.example/x'],
    attachments: [
      {
        name: 'a.txt',
        contentType: 'text/plain',
        size: 1,
        sha256: 'f'.repeat(64),
        sha1: 'e'.repeat(40),
        md5: 'd'.repeat(32),
      },
    ],
    recipientsRedacted: 1,
  };

  it('proposes no indicator for a value that is the recipient', () => {
    const hidden = { ...summary, from: { address: RECIPIENT_PLACEHOLDER, name: '' }, replyTo: null };
    expect(emlIndicators(hidden).some((i) => i.value.includes(RECIPIENT_PLACEHOLDER))).toBe(false);
  });

  it('proposes the attacker side as indicators: sender, reply-to, public hops, URLs, attachment hashes', () => {
    expect(emlIndicators(summary)).toEqual([
      { type: 'email', value: 'support@bank.example', reason: 'eml_sender' },
      { type: 'email', value: 'desk@evil.example', reason: 'eml_reply_to' },
      { type: 'ipv4', value: '203.0.113.45', reason: 'eml_received_ip' },
      { type: 'url', value: 'https://login.evil.example/x', reason: 'eml_url' },
      { type: 'sha256', value: 'f'.repeat(64), reason: 'eml_attachment_hash' },
    ]);
  });

  it('writes the report text with URLs defanged everywhere, body included', () => {
    const { text: t, cut } = emlReportText(summary, 'mail.eml', 'ja');
    expect(cut).toBeNull();
    expect(t).toContain('spf=fail dkim=- dmarc=fail');
    expect(t).toContain('hxxps://login[.]evil[.]example/x');
    expect(t).not.toContain('https://');
  });

  it('bounds the report text: URL lines go first, then the end of the body, and a note says what (ja/en)', () => {
    // The largest URL list a mail can give (500 URLs of 8,192 characters): about 4 MB of text.
    const urls = Array.from({ length: 500 }, (_, i) => `https://evil.example/${i}/${'a'.repeat(8_170)}`);
    const big = { ...summary, urls, body: '請求書をご確認ください。'.repeat(100) };
    expect(emlReportText(big, 'mail.eml', 'ja').text.length).toBeGreaterThan(4_000_000);
    const ja = emlReportText(big, 'mail.eml', 'ja', 100_000);
    expect(ja.text.length).toBeLessThanOrEqual(100_000);
    expect(ja.cut).toMatchObject({ urls: 489, body: false });
    expect(ja.text).toContain('請求書をご確認ください。'.repeat(100));
    expect(ja.text).toContain('hxxps://evil[.]example/10/');
    expect(ja.text).not.toContain('hxxps://evil[.]example/11/');
    expect(ja.text).toMatch(/URL 一覧の 489 件（計 [\d,]+ 文字）を省きました\]$/);
    expect(ja.text.length + ja.cut!.chars - ja.text.split('\n').at(-1)!.length - 1).toBe(
      emlReportText(big, 'mail.eml', 'ja').text.length,
    );
    // A body longer than the limit by itself: its end is cut too.
    const long = { ...big, body: 'あ'.repeat(150_000) };
    const en = emlReportText(long, 'mail.eml', 'en', 100_000);
    expect(en.text.length).toBeLessThanOrEqual(100_000);
    expect(en.cut).toMatchObject({ urls: 500, body: true });
    expect(en.text).toMatch(
      /500 URLs of the list and the end of the body \([\d,]+ characters in all\) were left out\]$/,
    );
    const small = emlReportText(summary, 'mail.eml', 'en', 100_000);
    expect(small).toEqual({ text: emlReportText(summary, 'mail.eml', 'en').text, cut: null });
  });
});
