import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/lib/config';

const tenant = { WECOM_CORP_ID: 'ww8a2f00d5c0ffee01', WECOM_AGENT_ID: '1000002', WECOM_SECRET: 'x'.repeat(43) };
const production = { ...tenant, NODE_ENV: 'production', APP_URL: 'https://portal.example.com', SESSION_SECRET: 's'.repeat(32) };

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const config = parseConfig(tenant);
    expect(config).toMatchObject({
      apiBase: 'https://qyapi.weixin.qq.com',
      oauthUrl: 'https://open.weixin.qq.com/connect/oauth2/authorize',
      ssoUrl: 'https://login.work.weixin.qq.com/wwlogin/sso/login',
      scope: 'snsapi_base',
      sessionTtlSeconds: 28800,
      adminUserIds: [],
      agentId: 1000002,
    });
    expect(config.adminTagId).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
  });

  it('a missing SESSION_SECRET in production names the variable and says what to set', () => {
    const env = { ...production, SESSION_SECRET: undefined };
    expect(() => parseConfig(env)).toThrow(/SESSION_SECRET: is required in production.*32 characters/);
  });

  it('names every offending variable at once', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      WECOM_AGENT_ID: 'abc',
      WECOM_SCOPE: 'snsapi_userinfo',
      SESSION_SECRET: 'short',
      SESSION_TTL_SECONDS: '-5',
      APP_URL: 'https://portal.example.com/sub/path',
      REDIS_URL: 'http://localhost:6379',
    });
    expect(problems.sort()).toEqual(
      ['APP_URL', 'REDIS_URL', 'SESSION_SECRET', 'SESSION_TTL_SECONDS', 'WECOM_AGENT_ID', 'WECOM_CORP_ID', 'WECOM_SCOPE', 'WECOM_SECRET'].sort(),
    );
  });

  it('event callbacks take both the Token and the 43-character EncodingAESKey, or neither', () => {
    const key = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
    expect(parseConfig(tenant).callback).toBeUndefined();
    expect(parseConfig({ ...tenant, WECOM_CALLBACK_TOKEN: 'QDG6eK', WECOM_CALLBACK_AES_KEY: key }).callback).toEqual({ token: 'QDG6eK', aesKey: key });
    expect(problemsOf({ ...tenant, WECOM_CALLBACK_TOKEN: 'QDG6eK' })).toEqual(['WECOM_CALLBACK_AES_KEY']);
    expect(problemsOf({ ...tenant, WECOM_CALLBACK_AES_KEY: key })).toEqual(['WECOM_CALLBACK_TOKEN']);
    expect(problemsOf({ ...tenant, WECOM_CALLBACK_TOKEN: 'QDG6eK', WECOM_CALLBACK_AES_KEY: key.slice(1) })).toEqual(['WECOM_CALLBACK_AES_KEY']);
    expect(problemsOf({ ...tenant, WECOM_CALLBACK_TOKEN: 'has space', WECOM_CALLBACK_AES_KEY: key })).toEqual(['WECOM_CALLBACK_TOKEN']);
  });

  it('FRAME_ANCESTORS adds https origins to the app itself, and names itself when malformed', () => {
    expect(parseConfig(tenant).frameAncestors).toEqual(["'self'"]);
    expect(parseConfig({ ...tenant, FRAME_ANCESTORS: 'https://a.example.com, https://b.example.com' }).frameAncestors).toEqual([
      "'self'",
      'https://a.example.com',
      'https://b.example.com',
    ]);
    expect(problemsOf({ ...tenant, FRAME_ANCESTORS: "http://a.example.com" })).toEqual(['FRAME_ANCESTORS']);
    expect(problemsOf({ ...tenant, FRAME_ANCESTORS: "* 'unsafe-inline'" })).toEqual(['FRAME_ANCESTORS']);
  });

  it('operating settings name themselves when wrong', () => {
    expect(problemsOf({ ...tenant, METRICS_TOKEN: 'short' })).toEqual(['METRICS_TOKEN']);
    expect(problemsOf({ ...tenant, METRICS_TOKEN: 'has spaces in the middle of it' })).toEqual(['METRICS_TOKEN']);
    expect(problemsOf({ ...tenant, SIGN_IN_RATE_LIMIT: '0' })).toEqual(['SIGN_IN_RATE_LIMIT']);
    expect(problemsOf({ ...tenant, SIGN_IN_RATE_LIMIT: 'lots' })).toEqual(['SIGN_IN_RATE_LIMIT']);
    expect(problemsOf({ ...tenant, TRUSTED_PROXY_COUNT: '-1' })).toEqual(['TRUSTED_PROXY_COUNT']);
    expect(problemsOf({ ...tenant, SIGN_IN_STATE_SECONDS: '30' })).toEqual(['SIGN_IN_STATE_SECONDS']);
    expect(problemsOf({ ...tenant, SIGN_IN_STATE_SECONDS: '7200' })).toEqual(['SIGN_IN_STATE_SECONDS']);
    expect(parseConfig({ ...tenant, SIGN_IN_STATE_SECONDS: '120' }).signInStateSeconds).toBe(120);
    const config = parseConfig({ ...tenant, METRICS_TOKEN: 'a-scrape-token-of-some-length', SIGN_IN_RATE_LIMIT: '30', TRUSTED_PROXY_COUNT: '1' });
    expect(config).toMatchObject({ metricsToken: 'a-scrape-token-of-some-length', signInRateLimit: 30, trustedProxyCount: 1 });
    expect(parseConfig(tenant)).toMatchObject({ metricsToken: undefined, signInRateLimit: 600, trustedProxyCount: 0, signInStateSeconds: 600 });
  });

  it('RATE_LIMIT_IPV6_PREFIX is 64 by default, 32 to 128, and names itself when wrong', () => {
    expect(parseConfig(tenant).rateLimitIpv6Prefix).toBe(64);
    expect(parseConfig({ ...tenant, RATE_LIMIT_IPV6_PREFIX: '56' }).rateLimitIpv6Prefix).toBe(56);
    expect(parseConfig({ ...tenant, RATE_LIMIT_IPV6_PREFIX: '128' }).rateLimitIpv6Prefix).toBe(128);
    for (const wrong of ['16', '129', '/64', 'sixty-four']) {
      expect(problemsOf({ ...tenant, RATE_LIMIT_IPV6_PREFIX: wrong }), wrong).toEqual(['RATE_LIMIT_IPV6_PREFIX']);
    }
    expect(() => parseConfig({ ...tenant, RATE_LIMIT_IPV6_PREFIX: '16' })).toThrow(/RATE_LIMIT_IPV6_PREFIX: must be between 32 and 128/);
  });

  it('refuses a secret in a NEXT_PUBLIC_ variable', () => {
    expect(problemsOf({ ...tenant, NEXT_PUBLIC_WECOM_SECRET: 'x' })).toEqual(['NEXT_PUBLIC_WECOM_SECRET']);
  });

  it('parses the admin list and tag, trims trailing slashes from URLs', () => {
    const config = parseConfig({ ...production, ADMIN_USERIDS: ' li.na, chen.jie@hq ,,', WECOM_ADMIN_TAG_ID: '7', WECOM_API_BASE: 'http://127.0.0.1:3100/' });
    expect(config.adminUserIds).toEqual(['li.na', 'chen.jie@hq']);
    expect(config.adminTagId).toBe(7);
    expect(config.apiBase).toBe('http://127.0.0.1:3100');
  });

  it('outside production, APP_URL and SESSION_SECRET have development fallbacks', () => {
    const config = parseConfig(tenant);
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });
});

describe('WECOM_DOMAIN_VERIFICATION: the console\'s domain-ownership files', () => {
  it('reads NAME:CONTENT pairs separated by commas', () => {
    const config = parseConfig({ ...tenant, WECOM_DOMAIN_VERIFICATION: ' WW_verify_Ab12.txt:Zx9yW8vU7tS6rQ5p , WW_verify_Cd34.txt:abc ' });
    expect(config.domainVerification).toEqual([
      { fileName: 'WW_verify_Ab12.txt', content: 'Zx9yW8vU7tS6rQ5p' },
      { fileName: 'WW_verify_Cd34.txt', content: 'abc' },
    ]);
    expect(parseConfig(tenant).domainVerification).toEqual([]);
  });

  it.each([
    'WW_verify_Ab12.txt',
    'WW_verify_Ab12.txt:',
    'verify_Ab12.txt:abc',
    'WW_verify_Ab12.html:abc',
    '../WW_verify_Ab12.txt:abc',
    'WW_verify_Ab12.txt:<script>',
  ])('refuses %s, naming the variable', (value) => {
    expect(problemsOf({ ...tenant, WECOM_DOMAIN_VERIFICATION: value })).toEqual(['WECOM_DOMAIN_VERIFICATION']);
  });
});
