import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { freePort, launchApp, startApp, type AppServer } from '../harness/app-server';
import { startNginx, type NginxServer } from '../harness/nginx-server';
import { startRedisServer, type RedisServer } from '../harness/redis-server';
import { mockControl } from '../mock/control-client';
import { DEMO } from '../mock/seed';
import { mockTenantEnv } from '../mock/tenant-env';
import { CALLBACK_ENV } from './support/callback-keys';
import { eventDelivery, tagChangedEvent, unsubscribeEvent } from './support/event-delivery';
import { expect, test } from './support/fixtures';

/**
 * The deployment of compose.yaml, without containers: Debian's nginx running the shipped
 * deploy/nginx.conf (TLS with a certificate made for the test, addresses on loopback) in
 * front of two standalone servers (what the image runs) sharing one Redis, with
 * TRUSTED_PROXY_COUNT=1. Visitors are plain https clients that trust that certificate; each
 * test sends from loopback addresses of its own, so the sign-in limits of one do not meet another's.
 */
test.describe.configure({ mode: 'serial' });

const LIMIT = 5;
/** How many times the rolling restart restarts both instances; more when checking a change to the shutdown. */
const ROUNDS = Number(process.env.E2E_ROLLING_RESTART_ROUNDS ?? 1);

let redis: RedisServer;
let nginx: NginxServer;
let ports: number[] = [];
let apps: AppServer[] = [];
let env: Record<string, string>;
const logFile = (name: string) => path.resolve(__dirname, '../.e2e-logs', `app-reverse-proxy-${name}.log`);
const launch = (i: number, name: string) => launchApp(env, { standalone: true, port: ports[i], logFile: logFile(name) });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  ports = [await freePort(), await freePort()];
  [redis, nginx] = await Promise.all([startRedisServer(), startNginx({ upstreams: ports.map((port) => `127.0.0.1:${port}`), logPrefix: path.resolve(__dirname, '../.e2e-logs/nginx-reverse-proxy-') })]);
  env = {
    ...mockTenantEnv(process.env.E2E_MOCK_URL!),
    ...CALLBACK_ENV,
    APP_URL: nginx.url,
    REDIS_URL: redis.url,
    SESSION_SECRET: randomBytes(32).toString('base64'),
    TRUSTED_PROXY_COUNT: '1',
    SIGN_IN_RATE_LIMIT: String(LIMIT),
    // Short, so that a page reads WeCom again within seconds.
    DATA_CACHE_SECONDS: '2',
    // The app's own checks of APP_URL (the start-up doctor) go through nginx too.
    NODE_EXTRA_CA_CERTS: nginx.certificateFile,
  };
  apps = await Promise.all(['a', 'b'].map((name, i) => startApp(env, { standalone: true, port: ports[i], logFile: logFile(name) })));
});

test.afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await nginx?.stop();
  await redis?.stop();
  // The standard instances and the next specs expect the mock as the fixture leaves it.
  await mockControl(process.env.E2E_MOCK_URL!).reset({ keepTokens: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One https request through nginx, trusting only the test's certificate; fails unless the whole answer arrived. */
function visit(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string; agent?: https.Agent } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from, ca: nginx.certificate, agent: options.agent ?? false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('close', () => {
          const raw = Buffer.concat(chunks);
          if (!response.complete) return reject(new Error(`answer cut short after ${raw.length} bytes`));
          try {
            const body = (response.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
            resolve({ status: response.statusCode!, headers: response.headers, body });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function setCookie(answer: Answer, name: string): { value: string; attributes: string[] } | undefined {
  for (const line of answer.headers['set-cookie'] ?? []) {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    if (pair.startsWith(`${name}=`)) return { value: pair.slice(name.length + 1), attributes: attributes.map((a) => a.toLowerCase()) };
  }
  return undefined;
}

/** A browser's sign-in through nginx: the app → WeCom (the mock) → the app's callback. */
async function signIn(mock: ReturnType<typeof mockControl>, userid: string, from: string) {
  await mock.setIdentity({ userid });
  const entry = await visit(`${nginx.url}/`, { from });
  const pending = setCookie(entry, '__Host-wecom_portal_login');
  expect(entry.status).toBe(302);
  expect(pending).toBeDefined();
  const wecom = await fetch(entry.headers.location!, { redirect: 'manual' });
  const callback = wecom.headers.get('location')!;
  expect(callback.startsWith(`${nginx.url}/api/wecom/callback?`), callback).toBe(true);
  const done = await visit(callback, { from, headers: { cookie: `__Host-wecom_portal_login=${pending!.value}` } });
  return { entry, pending: pending!, done, session: setCookie(done, '__Host-wecom_portal_session') };
}

const login = (from: string, code: string, headers: Record<string, string> = {}) =>
  visit(`${nginx.url}/api/wecom/miniprogram/login`, { method: 'POST', from, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ code }) });

/** nginx's log lines for requests whose line starts with `request`, e.g. `GET /api/wecom/callback`. */
const accessLines = (request: string) => nginx.accessLog().split('\n').filter((line) => line.includes(`"${request}`));
const logCount = (event: string) => apps.reduce((sum, app) => sum + app.output().split('\n').filter((line) => line.includes(`"event":"${event}"`)).length, 0);

test('a member signs in over https through nginx, with __Host- cookies and HSTS', async ({ mock }) => {
  const { entry, pending, done, session } = await signIn(mock, DEMO.engineer, '127.0.0.11');
  for (const cookie of [pending, session]) {
    expect(cookie?.attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'path=/']));
    expect(cookie?.attributes.some((a) => a.startsWith('domain='))).toBe(false);
  }
  expect(done.status).toBe(303);
  const profile = await visit(`${nginx.url}/`, { headers: { cookie: `__Host-wecom_portal_session=${session!.value}` } });
  expect(profile.status).toBe(200);
  expect(profile.body).toContain('何静');
  for (const answer of [entry, done, profile]) expect(answer.headers['strict-transport-security']).toMatch(/max-age=\d+/);

  // Plain http only points to https.
  const plain = await fetch(`${nginx.httpUrl}/profile?x=1`, { redirect: 'manual' });
  expect(plain.status).toBe(308);
  expect(plain.headers.get('location')).toBe('https://127.0.0.1/profile?x=1');
});

test('behind nginx each visitor is counted by their own address, whatever X-Forwarded-For they send', async ({ mock }) => {
  const flood: number[] = [];
  for (let i = 0; i <= LIMIT; i++) flood.push((await login('127.0.0.12', `made-up-code-${i}`, { 'x-forwarded-for': `10.0.0.${i}` })).status);
  expect(flood).toEqual([...Array(LIMIT).fill(400), 429]);

  // Another visitor, through the same nginx, signs in as usual.
  const other = await login('127.0.0.13', await mock.miniProgramCode(DEMO.ceo));
  expect(other.status, other.body).toBe(200);
  expect(JSON.parse(other.body)).toMatchObject({ userid: DEMO.ceo });
});

test("a replica's 503 reaches the visitor as it is: nginx does not send the request to the other replica", async ({ mock }) => {
  // A sign-in while WeCom is busy: the replica that had it answers 503.
  await mock.fault({ path: '/cgi-bin/auth/getuserinfo', errcode: -1, times: 100 });
  const callbacksBefore = accessLines('GET /api/wecom/callback').length;
  const exchangesFailedBefore = logCount('login.exchange_failed');
  const { done } = await signIn(mock, DEMO.engineer, '127.0.0.14');
  // The callback ends on the notice of its reason (a 303), which answers the 503.
  expect(done.status).toBe(303);
  expect(done.headers.location).toContain('/auth/notice?reason=wecom-busy');
  // One replica tried the code; the other never saw it.
  expect(logCount('login.exchange_failed') - exchangesFailedBefore).toBe(1);
  const callbackLines = accessLines('GET /api/wecom/callback').slice(callbacksBefore);
  expect(callbackLines).toHaveLength(1);
  expect(callbackLines[0]).toMatch(/ 303 upstream=127\.0\.0\.1:\d+ upstream_status=303$/);
  const noticesBefore = accessLines('GET /auth/notice').length;
  const notice = await visit(done.headers.location!, { from: '127.0.0.14' });
  expect(notice.status).toBe(503);
  expect(notice.body).toContain('login-unavailable');
  const noticeLines = accessLines('GET /auth/notice').slice(noticesBefore);
  expect(noticeLines).toHaveLength(1);
  expect(noticeLines[0]).toMatch(/ 503 upstream=127\.0\.0\.1:\d+ upstream_status=503$/);
  await mock.clearFaults();

  // A page while WeCom is busy: rendered once, by one replica, and its 503 passed on.
  const { session } = await signIn(mock, DEMO.withUnderscore, '127.0.0.14');
  const cookie = `__Host-wecom_portal_session=${session!.value}`;
  await new Promise((resolve) => setTimeout(resolve, 2100)); // past DATA_CACHE_SECONDS
  await mock.fault({ path: '/cgi-bin/user/get', errcode: -1, times: 1000 });
  const failedPagesBefore = logCount('page.wecom_failed');
  const pagesBefore = accessLines('GET / ').length;
  const page = await visit(`${nginx.url}/`, { headers: { cookie } });
  expect(page.status).toBe(503);
  expect(page.body).toContain('page-wecom-unavailable');
  const pageLines = accessLines('GET / ').slice(pagesBefore);
  expect(pageLines).toHaveLength(1);
  expect(pageLines[0]).toMatch(/ 503 upstream=127\.0\.0\.1:\d+ upstream_status=503$/);
  expect(logCount('page.wecom_failed') - failedPagesBefore).toBe(1);
});

test('an event one replica receives ends the session on the other within 2 s', async ({ mock }) => {
  const member = DEMO.withDot;
  const { session } = await signIn(mock, member, '127.0.0.15');
  const me = (app: AppServer) => fetch(`${app.url}/api/me`, { headers: { cookie: `__Host-wecom_portal_session=${session!.value}` } }).then((r) => r.status);
  expect(await me(apps[1])).toBe(200);

  const delivery = eventDelivery(`${apps[0].url}/api/wecom/events`, unsubscribeEvent(member));
  const received = await fetch(delivery.url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: delivery.body });
  expect(received.status).toBe(200);
  await expect.poll(() => me(apps[1]), { timeout: 2000, intervals: [100] }).toBe(401);
});

test('a rolling restart under load: every page and every event delivery through nginx is answered in full', async ({ mock }) => {
  test.setTimeout(30_000 + ROUNDS * 60_000);
  const { session } = await signIn(mock, DEMO.engineer, '127.0.0.16');
  const cookie = `__Host-wecom_portal_session=${session!.value}`;

  // Six visitors loading the profile page as a browser does, and two streams of WeCom's
  // event deliveries (POSTs, which nginx never sends twice), each on a kept-alive connection of its own.
  const agent = new https.Agent({ keepAlive: true, maxSockets: 8, ca: nginx.certificate });
  let loading = true;
  const answered = { pages: 0, events: 0 };
  const failures: string[] = [];
  const keepSending = async (send: () => Promise<void>) => {
    while (loading) await send().catch((error: unknown) => failures.push(String(error)));
  };
  const visitor = () =>
    keepSending(async () => {
      const page = await visit(`${nginx.url}/`, { agent, headers: { cookie, 'accept-encoding': 'gzip' } });
      if (page.status === 200 && page.body.includes('何静') && page.body.includes('</html>')) answered.pages++;
      else failures.push(`page ${page.status}: ${page.body.slice(0, 200)}`);
    });
  const wecom = () =>
    keepSending(async () => {
      const delivery = eventDelivery(`${nginx.url}/api/wecom/events`, tagChangedEvent(999));
      const answer = await visit(delivery.url, { agent, method: 'POST', headers: { 'content-type': 'text/xml' }, body: delivery.body });
      if (answer.status === 200) answered.events++;
      else failures.push(`event ${answer.status}: ${answer.body.slice(0, 200)}`);
    });
  const load = [...Array.from({ length: 6 }, visitor), ...Array.from({ length: 2 }, wecom)];

  const served = (port: number, fromLine: number) => accessLines('GET / ').slice(fromLine).some((line) => line.includes(`upstream=127.0.0.1:${port} upstream_status=200`));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const i of [0, 1]) {
        // Under load before the signal: nginx holds busy and idle connections to the instance.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(await apps[i].stop('SIGTERM')).toBe(0);
        const restarted = await launch(i, `${'ab'[i]}-${round + 1}`);
        apps[i] = restarted;
        await restarted.ready();
        // The next instance stops only once nginx sends requests to this one again (nginx
        // avoids an instance for fail_timeout after it refused a connection).
        const mark = accessLines('GET / ').length;
        await expect.poll(() => served(ports[i], mark), { timeout: 15_000, intervals: [200] }).toBe(true);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    loading = false;
    await Promise.all(load);
    agent.destroy();
  }
  console.log(`rolling restart: ${ROUNDS} round(s), ${answered.pages} pages and ${answered.events} event deliveries answered in full, ${failures.length} failed`);
  expect(failures).toEqual([]);
  expect(answered.pages).toBeGreaterThan(100 * ROUNDS);
  expect(answered.events).toBeGreaterThan(20 * ROUNDS);
  // nginx's side: no instance dropped a connection that carried a request, or cut an answer
  // short. nginx hides the first from a GET by sending it to the other instance, never a POST.
  expect(nginx.errorLog()).not.toMatch(/prematurely closed|no live upstreams|while reading (response header from )?upstream/);
});
