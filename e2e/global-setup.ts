import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { MOCK_ADMIN_TAG_ID } from '../mock/credentials';
import { DEMO } from '../mock/seed';
import { startMockWeCom } from '../mock/server';
import { startApp } from '../harness/app-server';
import { CALLBACK_ENV } from './support/callback-keys';
import { DOMAIN_FILE_ENV } from './support/domain-file';
import { neededVariants } from './support/needed-variants';
import { STANDALONE_SPECS } from './support/projects';
import { METRICS_TOKEN } from './support/metrics';
import { mockTenantEnv } from '../mock/tenant-env';

/**
 * One mock of WeCom and the app instances the specs need, each a real `next start` of the
 * production build talking HTTP to the mock. Their URLs reach the specs through the
 * environment; every app's output goes to a file (.e2e-logs/) so specs can check the logs.
 */
const BASE = { ADMIN_USERIDS: DEMO.ceo, WECOM_ADMIN_TAG_ID: String(MOCK_ADMIN_TAG_ID), METRICS_TOKEN, ...DOMAIN_FILE_ENV };

export const APP_VARIANTS = {
  /** The default deployment: snsapi_base, one-minute data cache; admins by userid and by WeCom tag. */
  base: BASE,
  /** The base deployment as the Docker image runs it (.next/standalone/server.js): the `standalone` project's specs use it. */
  standalone: BASE,
  /** Consent flow, and no data cache so every view reaches WeCom. */
  privateinfo: { WECOM_SCOPE: 'snsapi_privateinfo', DATA_CACHE_SECONDS: '0' },
  /** Sessions that end quickly, to see sign-in start again. */
  shortSession: { SESSION_TTL_SECONDS: '3' },
  /** Against a second mock with a 20,000-member directory. */
  large: { ADMIN_USERIDS: DEMO.ceo },
  /**
   * WeCom's event callbacks, with a data cache so long that only the events can explain a
   * change showing; hanxue is an admin by userid, so deleting her must end that too.
   */
  events: {
    ...CALLBACK_ENV,
    ...DOMAIN_FILE_ENV,
    METRICS_TOKEN,
    DATA_CACHE_SECONDS: '600',
    ADMIN_USERIDS: `${DEMO.ceo},hanxue`,
    WECOM_ADMIN_TAG_ID: String(MOCK_ADMIN_TAG_ID),
  },
  /** A low sign-in limit, to see a flood refused while other clients sign in. */
  rateLimited: { SIGN_IN_RATE_LIMIT: '5' },
  /**
   * No callback: offboarding must still take effect once the cached answers expire. The
   * short cache also lets page-statuses.spec.ts see an admin tag WeCom stops answering.
   */
  offboarding: { DATA_CACHE_SECONDS: '2', ADMIN_USERIDS: `${DEMO.ceo},xie.ting`, WECOM_ADMIN_TAG_ID: String(MOCK_ADMIN_TAG_ID) },
} as const;
export type AppVariant = keyof typeof APP_VARIANTS;

export default async function globalSetup() {
  // The apps run on 127.0.0.1: that is the trusted domain agent/get reports (localhost is accepted too).
  const tenantConsole = { trustedDomains: ['127.0.0.1', 'localhost'] };
  // Only the instances the selected specs use: one spec file should not wait for nine servers.
  const needed = neededVariants(process.argv, __dirname, Object.keys(APP_VARIANTS) as AppVariant[], STANDALONE_SPECS);
  const mock = await startMockWeCom({ quiet: true, ...tenantConsole });
  const largeMock = needed.has('large') ? await startMockWeCom({ quiet: true, directory: 'large', ...tenantConsole }) : null;
  const sessionSecret = randomBytes(32).toString('base64');
  const entries = (Object.entries(APP_VARIANTS) as unknown as [AppVariant, Record<string, string>][]).filter(([name]) => needed.has(name));
  const started = await Promise.all(
    entries.map(([name, variant]) =>
      startApp(
        { ...mockTenantEnv(name === 'large' && largeMock ? largeMock.url : mock.url), SESSION_SECRET: sessionSecret, ...variant },
        { logFile: appLogFile(name), standalone: name === 'standalone' },
      ),
    ),
  );
  process.env.E2E_MOCK_URL = mock.url;
  if (largeMock) process.env.E2E_MOCK_URL_large = largeMock.url;
  // A spec that starts an instance of its own can take the sessions these instances seal.
  process.env.E2E_SESSION_SECRET = sessionSecret;
  entries.forEach(([name], i) => (process.env[`E2E_APP_URL_${name}`] = started[i].url));

  return async () => {
    await Promise.all(started.map((app) => app.close()));
    await Promise.all([mock.close(), largeMock?.close()]);
  };
}

export function appLogFile(variant: AppVariant): string {
  return path.resolve(__dirname, '../.e2e-logs', `app-${variant}.log`);
}
