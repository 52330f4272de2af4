import { startApp } from '../harness/app-server';
import { mockTenantEnv } from '../mock/tenant-env';
import { expect, test } from './support/fixtures';

test('a production start without SESSION_SECRET stops and names the variable', async () => {
  const started = startApp({ ...mockTenantEnv(process.env.E2E_MOCK_URL!), SESSION_SECRET: '', APP_URL: '' }, { timeoutMs: 20_000 });
  const error = await started.then(
    (app) => app.close().then(() => null),
    (e: Error) => e,
  );
  expect(error?.message).toContain('exited during start-up');
  expect(error?.message).toMatch(/SESSION_SECRET: is required in production/);
  expect(error?.message).toMatch(/APP_URL: is required in production/);
  expect(error?.message).not.toMatch(/\n\s+at .*\.js:\d+/);
});
