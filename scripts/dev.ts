/**
 * `npm run dev`: the app in development mode. With a WeCom tenant configured (WECOM_CORP_ID
 * in the environment or .env.local) it talks to WeCom; without one it starts the bundled
 * mock of WeCom and points the app at it, so a newcomer can sign in as a demo employee.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadEnvConfig } from '@next/env';
import { parseMockEnv } from '../mock/cli-env';
import { MOCK_ADMIN_TAG_ID } from '../mock/credentials';
import { startMockWeCom } from '../mock/server';
import { mockTenantEnv } from '../mock/tenant-env';

const root = path.resolve(__dirname, '..');
loadEnvConfig(root, true);

const port = Number(process.env.PORT ?? 3000);

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  let stopMock = async () => {};
  const appUrl = env.APP_URL ?? `http://localhost:${port}`;

  if (!process.env.WECOM_CORP_ID) {
    // The bundled mock takes the same MOCK_* settings as `npm run mock` (MOCK_PORT,
    // MOCK_DIRECTORY=large, MOCK_LATENCY_MS, MOCK_PRIVACY, …).
    const parsed = parseMockEnv(process.env);
    if (!parsed.ok) throw new Error(`the bundled mock of WeCom: ${parsed.message}`);
    // The mock pushes WeCom's encrypted events to the app, as a tenant's console would be set
    // up to: a change made through the mock's control API shows in the app within seconds.
    const callback = parsed.value.callback ?? {
      url: `${appUrl}/api/wecom/events`,
      token: randomBytes(12).toString('hex'),
      aesKey: randomBytes(32).toString('base64').slice(0, 43),
    };
    // The mock's console is set up for this app, as a tenant's should be: the trusted domain is
    // APP_URL's host and the workbench opens APP_URL, so the start-up setup check passes.
    const appHost = new URL(appUrl).hostname;
    const mock = await startMockWeCom({
      ...parsed.value,
      quiet: true,
      callback,
      trustedDomains: parsed.value.trustedDomains ?? [...new Set([appHost, 'localhost', '127.0.0.1'])],
      homeUrl: parsed.value.homeUrl ?? `${appUrl}/`,
    });
    stopMock = mock.close;
    Object.assign(env, mockTenantEnv(mock.url), {
      APP_URL: appUrl,
      SESSION_SECRET: env.SESSION_SECRET ?? randomBytes(32).toString('base64'),
      WECOM_CALLBACK_TOKEN: callback.token,
      WECOM_CALLBACK_AES_KEY: callback.aesKey,
      // The mock's tag 1 "门户管理员" (songtao, wang-fang) opens /admin.
      WECOM_ADMIN_TAG_ID: env.WECOM_ADMIN_TAG_ID ?? String(MOCK_ADMIN_TAG_ID),
    });
    console.log(`
  No WECOM_CORP_ID configured: running against the bundled mock of WeCom at ${mock.url}
  (directory ${parsed.value.directory ?? 'seed'}; MOCK_* variables configure it, see README).
  Open ${appUrl} and pick a demo employee on the mock's login page; the README lists them.
  songtao (宋涛) and wang-fang (王芳) are admins: /admin shows the directory.
  The mock pushes event callbacks to ${callback.url}: try
    curl -X PATCH ${mock.url}/__mock/members/hejing -H 'content-type: application/json' -d '{"position":"架构师"}'
  Set WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET and APP_URL in .env.local to use a real tenant.
`);
  } else if (isMockOfWeCom(process.env.WECOM_API_BASE)) {
    console.log(`\n  Using a mock of WeCom at ${process.env.WECOM_API_BASE} (from .env.local or the environment); open ${appUrl}\n`);
  } else {
    console.log(`\n  Using the WeCom tenant ${process.env.WECOM_CORP_ID}; open ${appUrl}\n`);
  }

  const next = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'dev', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  // next dev compiles a route on its first request. The app's start-up setup check runs WeCom's
  // URL check on the event route (a signed request, so it logs no warning), which compiles that
  // route before the mock's first event; this only compiles the health route early.
  if (!process.env.WECOM_CORP_ID) void warmUp(`http://127.0.0.1:${port}`, ['/api/health']);
  const stop = () => next.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  next.on('exit', async (code) => {
    await stopMock();
    process.exit(code ?? 0);
  });
}

/** A separately started `npm run mock` (or any local stand-in), not WeCom itself. */
function isMockOfWeCom(apiBase: string | undefined): boolean {
  if (!apiBase) return false;
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(apiBase).hostname);
  } catch {
    return false;
  }
}

async function warmUp(origin: string, paths: string[]) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      for (const p of paths) await (await fetch(`${origin}${p}`)).text();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
