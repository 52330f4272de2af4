import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieAttributes } from '@/lib/auth/cookies';
import { log } from '@/lib/log';

afterEach(() => vi.restoreAllMocks());

describe('structured logs', () => {
  it('write one JSON object a line and redact credential keys', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    log.info('login.succeeded', { userid: 'li.na', code: 'CODE123', access_token: 'TOKEN', user_ticket: 'TICKET', errcode: 40029 });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'info', event: 'login.succeeded', userid: 'li.na', errcode: 40029 });
    expect(lines[0]).not.toMatch(/CODE123|TOKEN"|TICKET/);
  });
});

describe('log levels', () => {
  it('writes warnings with console.warn, not console.error, which next dev shows as an Issue on the page', () => {
    const written: Record<string, string[]> = { log: [], warn: [], error: [] };
    for (const method of ['log', 'warn', 'error'] as const) vi.spyOn(console, method).mockImplementation((line: string) => written[method].push(line));
    log.warn('page.wecom_failed', { errcode: -1 });
    log.error('http.unhandled', { error: 'TypeError' });
    log.info('login.succeeded');
    expect(written.warn.map((l) => JSON.parse(l).event)).toEqual(['page.wecom_failed']);
    expect(written.error.map((l) => JSON.parse(l).event)).toEqual(['http.unhandled']);
    expect(written.log.map((l) => JSON.parse(l).event)).toEqual(['login.succeeded']);
  });
});

describe('cookie attributes', () => {
  it('are HttpOnly and SameSite=Lax, Secure only on https', () => {
    expect(cookieAttributes('https://portal.example.com', 600)).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, maxAge: 600, path: '/' });
    expect(cookieAttributes('http://localhost:3000', 600).secure).toBe(false);
  });
});
