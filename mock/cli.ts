// `npm run mock`: the WeCom mock on its own, for running the app without a WeCom tenant.

import { MOCK_ADMIN_TAG_ID, MOCK_APPS, MOCK_CORP_ID } from './credentials';
import { parseMockEnv } from './cli-env';
import { startMockWeCom, type MockWeComOptions } from './server';

/** The tenant's console settings the mock starts with, in one line; defaults are left out. */
function describeConsole(options: MockWeComOptions): string {
  const { visibleRange, homeUrl, appDisabled, trustedIps } = options;
  const parts = [
    appDisabled ? 'DISABLED' : 'enabled',
    visibleRange
      ? `visible range users [${visibleRange.users.join(', ')}] departments [${visibleRange.departments.join(', ')}] tags [${visibleRange.tags.join(', ')}]`
      : 'seed visible range',
    ...(homeUrl ? [`home URL ${homeUrl}`] : []),
    ...(trustedIps?.length ? [`trusted IPs ${trustedIps.join(', ')}`] : []),
  ];
  return parts.join(', ');
}

async function main(): Promise<void> {
  const parsed = parseMockEnv(process.env);
  if (!parsed.ok) {
    console.error(`wecom mock: ${parsed.message}`);
    process.exit(1);
  }
  const mock = await startMockWeCom(parsed.value);
  const [portal] = MOCK_APPS;

  console.log(`WeCom mock listening on ${mock.url}`);
  console.log(`  corp id      ${MOCK_CORP_ID}`);
  for (const app of MOCK_APPS) console.log(`  app ${app.agentId}  ${app.name}  secret ${app.secret}`);
  console.log(`  privacy ${parsed.value.privacy ?? 'post-2022'}, directory ${parsed.value.directory ?? 'seed'}`);
  console.log(`  console of app ${portal.agentId}: ${describeConsole(parsed.value)}`);
  const { callback } = parsed.value;
  // Token and key stay out of the output: they are the app's secrets.
  console.log(callback ? `  event callback ${callback.url} (${callback.detail ?? 'ids-only'})` : '  event callback: none (set MOCK_CALLBACK_URL, MOCK_CALLBACK_TOKEN, MOCK_CALLBACK_AES_KEY)');
  console.log('\nFor the app (.env.local):');
  console.log(`WECOM_API_BASE=${mock.url}`);
  console.log(`WECOM_OAUTH_URL=${mock.url}/connect/oauth2/authorize`);
  console.log(`WECOM_SSO_URL=${mock.url}/wwlogin/sso/login`);
  console.log(`WECOM_CORP_ID=${MOCK_CORP_ID}`);
  console.log(`WECOM_AGENT_ID=${portal.agentId}`);
  console.log(`WECOM_SECRET=${portal.secret}`);
  console.log(`WECOM_ADMIN_TAG_ID=${MOCK_ADMIN_TAG_ID}`);
  console.log(`\nControl API: ${mock.url}/__mock/... (see mock/README.md). Ctrl+C stops.`);

  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping the WeCom mock`);
    mock.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`wecom mock: ${(error as Error).message}`);
  process.exit(1);
});
