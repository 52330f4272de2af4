import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/lib/config';
import { runSetupDoctor } from '@/lib/setup/doctor';
import { reportIn, type CheckId, type SetupReport } from '@/lib/setup/report';
import { DEMO } from '@/mock/seed';
import { mockTenantEnv } from '@/mock/tenant-env';
import { freePort } from '../../harness/app-server';
import { startSilentServer } from '../../harness/silent-server';
import { startRedisServer, type RedisServer } from '../../harness/redis-server';
import { startCallbackReceiver, type CallbackReceiver } from '../mock/callback-receiver';
import { useMockWeCom } from '../support/use-mock';

const wecom = useMockWeCom();
const CALLBACK = { token: 'doctorToken123', aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' };
let receiver: CallbackReceiver;
let redis: RedisServer;

beforeAll(async () => {
  [receiver, redis] = await Promise.all([startCallbackReceiver(CALLBACK), startRedisServer()]);
});
afterAll(async () => {
  await Promise.all([receiver.close(), redis.stop()]);
});

/** The receiver stands where the app would: APP_URL is its origin, so /api/wecom/events reaches it. */
const appUrl = () => new URL(receiver.url).origin;

function env(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    ...mockTenantEnv(wecom.url),
    APP_URL: appUrl(),
    WECOM_ADMIN_TAG_ID: '1',
    WECOM_CALLBACK_TOKEN: CALLBACK.token,
    WECOM_CALLBACK_AES_KEY: CALLBACK.aesKey,
    ...overrides,
  };
}

/** The console as it should be for an app served at appUrl(). */
async function setUpTenantWell() {
  await wecom.control.settings({ trustedDomains: ['127.0.0.1'], homeUrl: `${appUrl()}/` });
}

async function doctor(variables: Record<string, string | undefined>, locale: 'zh' | 'en' = 'zh', callTimeoutMs = 1500): Promise<SetupReport> {
  let parsed: Parameters<typeof runSetupDoctor>[0]['parsed'];
  try {
    parsed = { config: parseConfig(variables) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    parsed = { error };
  }
  return reportIn(await runSetupDoctor({ parsed, callTimeoutMs, deadlineMs: 8000 }), locale);
}

const check = (report: SetupReport, id: CheckId) => report.checks.find((c) => c.id === id)!;
const statuses = (report: SetupReport) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));

describe('a tenant set up as the console should be', () => {
  it('passes every WeCom check, and reports every id once in a fixed order', async () => {
    await setUpTenantWell();
    const report = await doctor(env({ REDIS_URL: redis.url }));
    expect(report.checks.map((c) => c.id)).toEqual([
      'config', 'token', 'trusted-ip', 'app', 'trusted-domain', 'home-url', 'visible-range', 'admins', 'callback', 'domain-verification', 'redis', 'clock',
    ]);
    expect(statuses(report)).toMatchObject({
      config: 'pass', token: 'pass', 'trusted-ip': 'pass', app: 'pass', 'trusted-domain': 'pass', 'home-url': 'pass',
      'visible-range': 'pass', admins: 'pass', callback: 'pass', redis: 'pass', clock: 'pass',
    });
    expect(report.ok).toBe(true);
    // The URL check is WeCom's: the receiver checked the signature and decrypted the echostr with its own code.
    expect(receiver.urlChecks.length).toBeGreaterThan(0);
  });

  it('asks WeCom once for each answer several checks share', async () => {
    await setUpTenantWell();
    await wecom.control.resetCounters();
    await doctor(env());
    const counters = await wecom.control.counters();
    expect(counters['/cgi-bin/gettoken']).toBe(1);
    expect(counters['/cgi-bin/agent/get']).toBe(1);
    expect(counters['/cgi-bin/tag/get']).toBe(1);
  });
});

describe('each console setting that breaks a self-built app is named', () => {
  it('a wrong Secret fails the token check, says where the console shows the Secret, and skips what needs a token', async () => {
    const report = await doctor(env({ WECOM_SECRET: 'A'.repeat(43) }));
    expect(check(report, 'token')).toMatchObject({ status: 'fail', detail: expect.stringContaining('40001'), fix: expect.stringContaining('Secret → 查看') });
    expect(check(report, 'token').fix).toContain('应用管理 → 应用');
    for (const id of ['trusted-ip', 'app', 'trusted-domain', 'home-url', 'visible-range'] as const) expect(check(report, id).status).toBe('skip');
    expect(report.ok).toBe(false);
  });

  it('a malformed Secret (40091) and a wrong CorpID (40013) each name their own setting', async () => {
    expect(check(await doctor(env({ WECOM_SECRET: 'short' })), 'token')).toMatchObject({ status: 'fail', detail: expect.stringContaining('40091') });
    const corp = check(await doctor(env({ WECOM_CORP_ID: 'ww0000000000000000' }), 'en'), 'token');
    expect(corp).toMatchObject({ status: 'fail', detail: expect.stringContaining('ww0000000000000000'), fix: expect.stringContaining('My Company → Company Information → CorpID') });
  });

  it('a server IP outside 企业可信IP fails trusted-ip naming the IP WeCom saw, where to add it and what the console asks first', async () => {
    await setUpTenantWell();
    await wecom.control.settings({ trustedIps: ['203.0.113.7'] });
    const report = await doctor(env());
    expect(check(report, 'token').status).toBe('pass');
    const trusted = check(report, 'trusted-ip');
    expect(trusted.status).toBe('fail');
    expect(trusted.detail).toContain('127.0.0.1');
    expect(trusted.detail).toContain('60020');
    expect(trusted.fix).toContain('企业可信IP');
    expect(trusted.fix).toContain('127.0.0.1');
    expect(trusted.fix).toMatch(/可信域名.*接收消息服务器URL/);
    expect(check(report, 'app').status).toBe('skip');
  });

  it('a disabled app (停用) fails the app check and says where to enable it', async () => {
    await setUpTenantWell();
    await wecom.control.settings({ appDisabled: true });
    const app = check(await doctor(env()), 'app');
    expect(app.status).toBe('fail');
    expect(app.detail).toContain('已停用');
    expect(app.fix).toContain('启用');
  });

  it('a trusted domain that is not APP_URL\'s host fails, naming both values', async () => {
    await wecom.control.settings({ trustedDomains: ['portal.example.com'], homeUrl: `${appUrl()}/` });
    const domain = check(await doctor(env()), 'trusted-domain');
    expect(domain.status).toBe('fail');
    expect(domain.detail).toContain('portal.example.com');
    expect(domain.detail).toContain(new URL(appUrl()).host);
    expect(domain.fix).toContain('WECOM_DOMAIN_VERIFICATION');
  });

  it('a trusted domain with another port fails, the same host on any port passes', async () => {
    const port = new URL(appUrl()).port;
    await wecom.control.settings({ trustedDomains: ['127.0.0.1:1'] });
    expect(check(await doctor(env()), 'trusted-domain').status).toBe('fail');
    await wecom.control.settings({ trustedDomains: [`127.0.0.1:${port}`] });
    expect(check(await doctor(env()), 'trusted-domain').status).toBe('pass');
  });

  it('a home page off APP_URL, or none, is a warning: the workbench opens something else', async () => {
    await wecom.control.settings({ trustedDomains: ['127.0.0.1'], homeUrl: 'https://intranet.example.com/' });
    const home = check(await doctor(env()), 'home-url');
    expect(home).toMatchObject({ status: 'warn', detail: expect.stringContaining('https://intranet.example.com/') });
    await wecom.control.settings({ homeUrl: '' });
    expect(check(await doctor(env()), 'home-url').status).toBe('warn');
  });

  it('an empty visible range fails; admins left outside it are a warning naming them', async () => {
    await setUpTenantWell();
    await wecom.control.settings({ visibleRange: { users: [], departments: [], tags: [] } });
    expect(check(await doctor(env()), 'visible-range').status).toBe('fail');

    // Only the engineers' department: the admins of tag 1 are left out.
    const engineer = (await (await fetch(`${wecom.url}/__mock/directory`)).json()).members.find((m: { userid: string }) => m.userid === DEMO.engineer);
    await wecom.control.settings({ visibleRange: { users: [], departments: engineer.departments, tags: [] } });
    const range = check(await doctor(env()), 'visible-range');
    expect(range.status).toBe('warn');
    // tag/get lists only members in the range: the tag looks empty to the app.
    expect(range.detail).toContain('门户管理员');
    expect(range.fix).toContain('可见范围');
    // An admin by userid outside the range is named (user/get answers 60011).
    const byUserid = check(await doctor(env({ ADMIN_USERIDS: DEMO.admins[0] })), 'visible-range');
    expect(byUserid.detail).toContain(DEMO.admins[0]);
  });

  it('no admins is a warning; an ADMIN_USERIDS entry WeCom does not know is named', async () => {
    await setUpTenantWell();
    expect(check(await doctor(env({ WECOM_ADMIN_TAG_ID: undefined, ADMIN_USERIDS: undefined })), 'admins').status).toBe('warn');
    const admins = check(await doctor(env({ ADMIN_USERIDS: `${DEMO.ceo},no-such-member` })), 'admins');
    expect(admins).toMatchObject({ status: 'warn', detail: expect.stringContaining('no-such-member') });
    expect(check(await doctor(env({ WECOM_ADMIN_TAG_ID: '4040' })), 'admins').status).toBe('warn');
  });
});

describe('what the app must reach, and what it runs on', () => {
  it('a callback URL that answers the URL check wrongly fails with what came back', async () => {
    receiver.behaviour.echo = 'quoted';
    try {
      const callback = check(await doctor(env()), 'callback');
      expect(callback.status).toBe('fail');
      expect(callback.detail).toMatch(/HTTP 200 ".*"/);
    } finally {
      receiver.behaviour.echo = 'plaintext';
    }
  });

  it('a callback URL nobody answers fails naming the refusal; no callback configured is a warning', async () => {
    const closed = await freePort();
    const refused = check(await doctor(env({ APP_URL: `http://127.0.0.1:${closed}` })), 'callback');
    expect(refused).toMatchObject({ status: 'fail', detail: expect.stringContaining('ECONNREFUSED') });
    const none = check(await doctor(env({ WECOM_CALLBACK_TOKEN: undefined, WECOM_CALLBACK_AES_KEY: undefined })), 'callback');
    expect(none).toMatchObject({ status: 'warn', fix: expect.stringContaining('接收消息 → 设置API接收') });
  });

  it('WeCom that never answers fails the token check naming the host, and every check still reports', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const report = await doctor(env({ WECOM_API_BASE: `http://127.0.0.1:${silent.port}` }), 'en', 500);
      expect(check(report, 'token')).toMatchObject({ status: 'fail', detail: expect.stringContaining('no answer within 500 ms') });
      expect(check(report, 'token').fix).toContain('DNS');
      expect(report.checks).toHaveLength(12);
      expect(Date.now() - started).toBeLessThan(8000);
    } finally {
      silent.close();
    }
  });

  it('a Redis nobody answers fails without printing the password in REDIS_URL', async () => {
    const port = await freePort();
    const report = await doctor(env({ REDIS_URL: `redis://:hunter2secret@127.0.0.1:${port}` }));
    expect(check(report, 'redis').status).toBe('fail');
    expect(JSON.stringify(report)).not.toContain('hunter2secret');
  });

  it('a clock more than 60 s off WeCom\'s is a warning saying by how much', async () => {
    await wecom.control.advanceClock(120);
    const clock = check(await doctor(env(), 'en'), 'clock');
    expect(clock.status).toBe('warn');
    expect(clock.detail).toMatch(/1[12]\d s behind/);
  });

  it('a configuration that does not parse fails naming the variable and skips everything else', async () => {
    const report = await doctor(env({ WECOM_AGENT_ID: 'abc' }));
    expect(check(report, 'config')).toMatchObject({ status: 'fail', detail: expect.stringContaining('WECOM_AGENT_ID') });
    expect(report.checks.filter((c) => c.id !== 'config').every((c) => c.status === 'skip')).toBe(true);
  });

  it('says what the sign-in scope costs: snsapi_base withholds mobile, email and avatar; snsapi_privateinfo asks consent', async () => {
    expect(check(await doctor(env()), 'config').detail).toMatch(/snsapi_base.*手机.*snsapi_privateinfo/);
    expect(check(await doctor(env({ WECOM_SCOPE: 'snsapi_privateinfo' }), 'en'), 'config').detail).toContain('consent');
  });

  it('an http APP_URL in production is a warning (no __Host- cookies, no JS-SDK)', async () => {
    const config = check(await doctor(env({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }), 'en'), 'config');
    expect(config).toMatchObject({ status: 'warn', detail: expect.stringContaining('__Host-') });
  });
});

it('no report, whatever fails, carries the Secret, the callback Token or key, or a session secret', async () => {
  const secret = 'Q'.repeat(43);
  const sessionSecret = 'S'.repeat(48);
  await wecom.control.settings({ trustedIps: ['203.0.113.7'] });
  const reports = [
    await doctor(env({ SESSION_SECRET: sessionSecret })),
    await doctor(env({ WECOM_SECRET: secret, SESSION_SECRET: sessionSecret }), 'en'),
  ];
  receiver.behaviour.echo = 'quoted';
  reports.push(await doctor(env({ SESSION_SECRET: sessionSecret })));
  receiver.behaviour.echo = 'plaintext';
  const text = JSON.stringify(reports);
  for (const value of [secret, sessionSecret, CALLBACK.token, CALLBACK.aesKey, mockTenantEnv(wecom.url).WECOM_SECRET, 'access_token=']) {
    expect(text).not.toContain(value);
  }
});
