import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO } from '../mock/seed';
import { MOCK_ADMIN_TAG_ID } from '../mock/credentials';
import { mockTenantEnv } from '../mock/tenant-env';
import { freePort } from '../harness/app-server';
import { startSilentServer } from '../harness/silent-server';
import { CALLBACK_ENV, CALLBACK_AES_KEY, CALLBACK_TOKEN } from './support/callback-keys';
import { DOMAIN_FILE_ENV } from './support/domain-file';
import { appLog, appUrl, expect, test } from './support/fixtures';

/**
 * The setup doctor as an IT admin meets it: `npm run doctor` and the image's `node doctor.js`
 * against WeCom (the mock, misconfigured like a tenant's console), and /admin/setup in the app.
 * The app checked is the `events` instance: it has an event callback, so WeCom's URL check
 * runs against the real endpoint.
 */
const root = path.resolve(__dirname, '..');
const standaloneDir = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'standalone');
const SECRET = mockTenantEnv('http://x').WECOM_SECRET;

interface DoctorRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The tenant's configuration as its deployment would hold it. */
function tenantEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ...mockTenantEnv(process.env.E2E_MOCK_URL!),
    APP_URL: appUrl('events'),
    WECOM_ADMIN_TAG_ID: String(MOCK_ADMIN_TAG_ID),
    ...CALLBACK_ENV,
    ...DOMAIN_FILE_ENV,
    ...overrides,
  };
}

/** `npm run doctor` (tsx), or the image's `node doctor.js` run from where the image keeps it. */
function runDoctor(how: 'npm' | 'image', env: Record<string, string>, args: string[] = ['--json']): Promise<DoctorRun> {
  const [command, cwd] =
    how === 'npm'
      ? // Outside the project folder, so no developer's .env.local is read.
        [[path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', path.join(root, 'tsconfig.json'), path.join(root, 'scripts/doctor.ts')], mkdtempSync(path.join(tmpdir(), 'doctor-'))]
      : [[path.join(standaloneDir, 'doctor.js')], standaloneDir];
  const childEnv = { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env } as unknown as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, [...command, ...args], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code: number | null) => resolve({ code, stdout, stderr })));
}

const statusOf = (run: DoctorRun) => Object.fromEntries((JSON.parse(run.stdout).checks as { id: string; status: string }[]).map((c) => [c.id, c.status]));
const checkOf = (run: DoctorRun, id: string) => (JSON.parse(run.stdout).checks as { id: string; status: string; detail: string; fix: string }[]).find((c) => c.id === id)!;

/** The console as it should be for the checked app. */
async function consoleSetUpWell(mock: { settings: (s: Record<string, unknown>) => Promise<unknown> }) {
  await mock.settings({ trustedDomains: ['127.0.0.1'], homeUrl: `${appUrl('events')}/` });
}

test.describe('npm run doctor', () => {
  test('a tenant set up well: every check passes but Redis (none configured), exit 0, one JSON object with the fixed ids', async ({ mock }) => {
    await consoleSetUpWell(mock);
    const urlChecks = () => appLog('events').split('"event":"events.url_checked"').length;
    const urlChecksBefore = urlChecks();
    const run = await runDoctor('npm', tenantEnv());
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(Object.keys(report.checks[0]).sort()).toEqual(['detail', 'fix', 'id', 'status', 'title']);
    expect(statusOf(run)).toEqual({
      config: 'pass', token: 'pass', 'trusted-ip': 'pass', app: 'pass', 'trusted-domain': 'pass', 'home-url': 'pass', 'visible-range': 'pass',
      admins: 'pass', callback: 'pass', 'domain-verification': 'pass', redis: 'skip', clock: 'pass',
    });
    // WeCom's URL check reached the app's real event endpoint.
    expect(urlChecks()).toBe(urlChecksBefore + 1);
  });

  test('each console setting that breaks the app fails its own check with the fix, and exits 1', async ({ mock }) => {
    const closedPort = await freePort();
    await consoleSetUpWell(mock);
    const cases: [Record<string, unknown>, Record<string, string>, string, RegExp][] = [
      [{ trustedIps: ['203.0.113.7'] }, {}, 'trusted-ip', /127\.0\.0\.1/],
      [{ appDisabled: true }, {}, 'app', /已停用/],
      [{ trustedDomains: ['portal.example.com'] }, {}, 'trusted-domain', /portal\.example\.com/],
      [{ visibleRange: { users: [], departments: [], tags: [] } }, {}, 'visible-range', /可见范围是空的/],
      [{}, { WECOM_SECRET: 'Z'.repeat(43) }, 'token', /40001/],
      [{}, { APP_URL: `http://127.0.0.1:${closedPort}` }, 'callback', /ECONNREFUSED/],
    ];
    for (const [settings, env, id, detail] of cases) {
      await mock.reset({ keepTokens: true });
      await consoleSetUpWell(mock);
      await mock.settings(settings);
      const run = await runDoctor('npm', tenantEnv(env));
      expect(run.code, `${id}: ${run.stdout}`).toBe(1);
      expect(checkOf(run, id).status, id).toBe('fail');
      expect(checkOf(run, id).detail, id).toMatch(detail);
      expect(checkOf(run, id).fix, id).not.toBe('');
    }
  });

  test('prints a checklist in Chinese by default and English with --lang=en or an English LANG', async ({ mock }) => {
    await consoleSetUpWell(mock);
    await mock.settings({ trustedIps: ['203.0.113.7'] });
    const zh = await runDoctor('npm', tenantEnv(), []);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('✗ 企业可信IP [trusted-ip]');
    // agent/get is refused too, so the app's name is not known: "本应用".
    expect(zh.stdout).toMatch(/修复: 在「应用管理 → 应用 → 本应用 → 开发者接口 → 企业可信IP → 配置」加入 IP 127\.0\.0\.1/);
    expect(zh.stdout).toContain('项失败');
    const en = await runDoctor('npm', { ...tenantEnv(), LANG: 'en_US.UTF-8' }, []);
    expect(en.stdout).toContain('✗ Trusted IPs [trusted-ip]');
    expect(en.stdout).toContain('Fix: Add IP 127.0.0.1 under App Management → Apps');
    expect((await runDoctor('npm', tenantEnv(), ['--lang=en'])).stdout).toContain('Trusted IPs');
    expect((await runDoctor('npm', tenantEnv(), ['--bogus'])).code).toBe(2);
  });

  test('WeCom that does not answer: the token check fails naming the network, within 15 s', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const run = await runDoctor('npm', tenantEnv({ WECOM_API_BASE: `http://127.0.0.1:${silent.port}` }), ['--json', '--lang=en']);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(run.code).toBe(1);
      expect(checkOf(run, 'token')).toMatchObject({ status: 'fail', detail: expect.stringContaining('no answer within') });
    } finally {
      silent.close();
    }
  });

  test('the production image carries it: node doctor.js in the standalone folder gives the same report', async ({ mock }) => {
    await consoleSetUpWell(mock);
    const run = await runDoctor('image', { ...tenantEnv(), NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) }, ['--json', '--lang=en']);
    expect(run.code, run.stderr).toBe(0);
    expect(checkOf(run, 'token')).toMatchObject({ status: 'pass', title: 'access_token (CorpID and Secret)' });
    // An http APP_URL in production: a warning, not a failure.
    expect(checkOf(run, 'config')).toMatchObject({ status: 'warn', detail: expect.stringContaining('__Host-') });
    await mock.settings({ appDisabled: true });
    expect((await runDoctor('image', tenantEnv(), ['--json'])).code).toBe(1);
  });

  test('no output of any run carries the Secret, the callback Token or key, or a token', async ({ mock }) => {
    await consoleSetUpWell(mock);
    await mock.settings({ trustedIps: ['203.0.113.7'] });
    const runs = await Promise.all([
      runDoctor('npm', tenantEnv(), []),
      runDoctor('npm', tenantEnv({ WECOM_SECRET: 'Z'.repeat(43) }), ['--json']),
      runDoctor('image', tenantEnv({ APP_URL: `http://127.0.0.1:${await freePort()}` }), ['--lang=en']),
    ]);
    const everything = runs.map((r) => r.stdout + r.stderr).join('\n');
    for (const secret of [SECRET, 'Z'.repeat(43), CALLBACK_TOKEN, CALLBACK_AES_KEY, 'access_token=']) expect(everything).not.toContain(secret);
  });
});

async function signIn(page: Page, userid: string, mock: { setIdentity: (i: { userid: string }) => Promise<unknown> }) {
  await mock.setIdentity({ userid });
  await page.goto(`${appUrl()}/`);
  await expect(page.getByTestId('profile')).toHaveAttribute('data-userid', userid);
}

test.describe('/admin/setup and GET /api/admin/setup', () => {
  test('an admin opens the checks from the directory; each check has a row; "check again" asks WeCom afresh', async ({ page, mock }) => {
    await mock.settings({ trustedDomains: ['127.0.0.1'], homeUrl: `${appUrl()}/` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, DEMO.ceo, mock);
    await page.goto(`${appUrl()}/admin`);
    await page.getByTestId('nav-setup').click();
    await expect(page).toHaveURL(`${appUrl()}/admin/setup`);
    for (const id of ['config', 'token', 'trusted-ip', 'app', 'trusted-domain', 'home-url', 'visible-range', 'admins', 'callback', 'domain-verification', 'redis', 'clock']) {
      await expect(page.getByTestId(`setup-check-${id}`)).toBeVisible();
    }
    await expect(page.getByTestId('setup-check-token')).toHaveAttribute('data-status', 'pass');
    // This instance has no event callback configured: a warning that says what it costs.
    await expect(page.getByTestId('setup-check-callback')).toHaveAttribute('data-status', 'warn');
    await expect(page.getByTestId('setup-summary')).toContainText('0 项失败');
    await page.screenshot({ path: 'test-results/screenshots/setup-desktop.png', fullPage: true });
    expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => ['serious', 'critical'].includes(v.impact ?? ''))).toEqual([]);

    await mock.resetCounters();
    await page.getByTestId('setup-again').click();
    await expect(page.getByTestId('setup-check-token')).toHaveAttribute('data-status', 'pass');
    expect((await mock.counters())['/cgi-bin/gettoken']).toBe(1);
  });

  test('after the console changes, the page names what broke: an untrusted IP, with the address WeCom saw', async ({ page, mock }) => {
    await mock.settings({ trustedDomains: ['127.0.0.1'], homeUrl: `${appUrl()}/` });
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, DEMO.ceo, mock);
    await mock.settings({ trustedIps: ['203.0.113.7'] });
    // An admin listed in ADMIN_USERIDS still reaches the page while WeCom refuses every call.
    const response = await page.goto(`${appUrl()}/admin/setup`);
    expect(response?.status()).toBe(200);
    const row = page.getByTestId('setup-check-trusted-ip');
    await expect(row).toHaveAttribute('data-status', 'fail');
    await expect(row).toContainText('127.0.0.1');
    await expect(row).toContainText('企业可信IP');
    await expect(page.getByTestId('setup-summary')).toContainText('1 项失败');
    await page.screenshot({ path: 'test-results/screenshots/setup-phone-untrusted-ip.png', fullPage: true });
  });

  test('the API answers the same JSON to admins, 401 to nobody and 403 to members', async ({ page, request, mock }) => {
    const anonymous = await request.get(`${appUrl()}/api/admin/setup`);
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: expect.any(String) });

    await signIn(page, DEMO.engineer, mock);
    const member = await page.request.get(`${appUrl()}/api/admin/setup`);
    expect(member.status()).toBe(403);
    expect(await member.json()).toMatchObject({ error: expect.any(String) });
    expect((await page.goto(`${appUrl()}/admin/setup`))?.status()).toBe(403);

    // Off the app first: a page of it would prefetch its links once the cookie is gone.
    await page.goto('about:blank');
    await page.context().clearCookies();
    await signIn(page, DEMO.admins[0], mock);
    const admin = await page.request.get(`${appUrl()}/api/admin/setup`, { headers: { 'accept-language': 'en' } });
    expect(admin.status()).toBe(200);
    const report = await admin.json();
    expect(report.checks.map((c: { id: string }) => c.id)).toHaveLength(12);
    expect(report.checks.find((c: { id: string }) => c.id === 'token')).toMatchObject({ status: 'pass', title: 'access_token (CorpID and Secret)' });
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });
});

test('a sign-in WeCom refuses for an untrusted server IP: 503 "not set up yet" for the visitor, the IP and the fix in the log', async ({ page, mock }) => {
  await mock.settings({ trustedIps: ['203.0.113.7'] });
  await mock.setIdentity({ userid: DEMO.engineer });
  const linesBefore = appLog('base').length;
  const response = await page.goto(`${appUrl()}/`);
  expect(response?.status()).toBe(503);
  const notice = page.getByTestId('login-not-set-up');
  await expect(notice).toContainText('还没有设置好');
  for (const internal of ['60020', '127.0.0.1', 'WECOM_', '可信IP']) await expect(notice).not.toContainText(internal);
  const line = appLog('base').slice(linesBefore).split('\n').find((l) => l.includes('"event":"login.exchange_failed"'));
  expect(JSON.parse(line!)).toMatchObject({ errcode: 60020, callerIp: '127.0.0.1', fix_zh: expect.stringContaining('企业可信IP'), fix_en: expect.stringContaining('Trusted IPs') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screenshots/not-set-up-phone.png' });
});
