import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MOCK_APPS } from '../mock/credentials';
import { expect, test } from './support/fixtures';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test('the browser bundle carries no server configuration or WeCom credential handling', () => {
  const scripts = files(path.resolve(__dirname, '..', process.env.NEXT_DIST_DIR || '.next', 'static')).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  const bundle = scripts.map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const marker of ['WECOM_SECRET', 'SESSION_SECRET', 'corpsecret', 'user_ticket', 'session_key', 'access_token', MOCK_APPS[0].secret]) {
    expect(bundle, marker).not.toContain(marker);
  }
});
