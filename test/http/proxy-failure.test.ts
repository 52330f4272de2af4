import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

// What a proxy failure looks like from outside: here the configuration cannot be read.
vi.mock('@/lib/config', () => ({
  getConfig: () => {
    throw new Error('APP_URL: is required in production');
  },
}));
const { proxy } = await import('@/proxy');

const request = (path: string, language = 'zh-CN') => new NextRequest(`http://localhost:3000${path}`, { headers: { 'accept-language': language } });

describe('when the proxy itself fails', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a person gets a page in their language saying so, never an empty 500 (which next dev reloads in a loop)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const [language, title] of [
      ['zh-CN', '页面加载失败'],
      ['en-US', 'This page could not be loaded'],
    ]) {
      const response = await proxy(request('/', language));
      const html = await response.text();
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(html).toContain(title);
      expect(html).toContain('href="/"');
      expect(html).not.toMatch(/APP_URL|Error|at .*\.ts/);
    }
  });

  it('an API caller gets JSON, and the log names the path but not the reason text', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    const response = await proxy(request('/api/me'));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: 'internal' });
    expect(lines.map((l) => JSON.parse(l) as Record<string, string>)).toContainEqual(expect.objectContaining({ event: 'proxy.failed', path: '/api/me', error: 'Error' }));
  });
});
