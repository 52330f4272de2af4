import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { runSetupDoctor } from './doctor';
import { CHECK_IDS } from './report';

/**
 * At start-up the app runs the setup doctor once, in the background, and logs what it finds:
 * an operator sees "60020 from 1.2.3.4" in the log before the first employee signs in. The app
 * starts regardless. It waits a moment first, for the server to listen: two checks fetch APP_URL.
 * Under `npm run dev` its URL check is also what compiles the event route before the mock's
 * first event arrives.
 */
export const STARTUP_DOCTOR_DELAY_MS = 2000;

export function scheduleStartupDoctor(): void {
  setTimeout(() => void logSetupChecks(), STARTUP_DOCTOR_DELAY_MS).unref();
}

async function logSetupChecks(): Promise<void> {
  try {
    // next dev compiles a route on its first request (the event route for the URL check, here):
    // seconds the production limits do not allow for.
    const development = process.env.NODE_ENV === 'development';
    const findings = await runSetupDoctor({
      parsed: { config: getConfig() },
      ...(development ? { callTimeoutMs: 20_000, deadlineMs: 45_000, urlCheckAnswerMs: 20_000 } : {}),
    });
    const failed = CHECK_IDS.filter((id) => findings[id].status === 'fail');
    const warnings = CHECK_IDS.filter((id) => findings[id].status === 'warn');
    for (const id of [...failed, ...warnings]) {
      const { status, detail, fix } = findings[id];
      (status === 'fail' ? log.warn : log.info)('setup.check_failed', {
        check: id,
        status,
        detail: detail.en,
        detail_zh: detail.zh,
        ...(fix ? { fix_zh: fix.zh, fix_en: fix.en } : {}),
      });
    }
    log.info('setup.checked', { ok: failed.length === 0, failed, warnings });
  } catch (error) {
    log.warn('setup.check_crashed', { error: error instanceof Error ? error.name : typeof error });
  }
}
