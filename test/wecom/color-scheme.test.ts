import { describe, expect, it } from 'vitest';
import { weComColorScheme } from '@/lib/wecom/color-scheme';

describe("the WeCom client's appearance", () => {
  it('is read from its user agent token, and left to the browser otherwise', () => {
    const ua = (scheme: string) => `Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh ColorScheme/${scheme}`;
    expect(weComColorScheme(ua('Dark'))).toBe('dark');
    expect(weComColorScheme(ua('Light'))).toBe('light');
    expect(weComColorScheme('Mozilla/5.0 (X11; Linux x86_64) Chrome/156')).toBeUndefined();
    expect(weComColorScheme(null)).toBeUndefined();
  });
});
