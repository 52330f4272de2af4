/**
 * `npm run doctor`: checks this deployment's WeCom setup, with the same configuration the app
 * reads (the environment and .env.local, through the same schema), and prints a checklist
 * (zh-CN; English with --lang=en or an English LANG), or one JSON object with --json.
 * Exits 0 when no check failed (warnings allowed), 1 otherwise, 2 for a bad argument.
 *
 * The production image carries this as `doctor.js` (bundled by scripts/standalone-assets.ts):
 * `docker run --rm --env-file … wecom-portal node doctor.js`.
 */
import { loadEnvConfig } from '@next/env';
import { ConfigError, parseConfig } from '../lib/config';
import type { Locale } from '../lib/i18n/locale';
import { checklistText } from '../lib/setup/checklist-text';
import { runSetupDoctor } from '../lib/setup/doctor';
import { reportIn } from '../lib/setup/report';

const USAGE = 'usage: npm run doctor -- [--json] [--lang=zh|en]';

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): { json: boolean; locale: Locale } | string {
  let json = false;
  let locale: Locale = /^en/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'en' : 'zh';
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '--lang=en' || arg === '--lang=zh') locale = arg.slice(7) as Locale;
    else if (arg === '--help' || arg === '-h') return USAGE;
    else return `unknown argument "${arg}"\n${USAGE}`;
  }
  return { json, locale };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), process.env);
  if (typeof args === 'string') {
    console.error(args);
    return args === USAGE ? 0 : 2;
  }
  // The app's own files, from where it runs: the project in development, /app in the image.
  loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production', { info: () => {}, error: console.error });
  let parsed: Parameters<typeof runSetupDoctor>[0]['parsed'];
  try {
    parsed = { config: parseConfig(process.env) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    parsed = { error };
  }
  const report = reportIn(await runSetupDoctor({ parsed }), args.locale);
  console.log(args.json ? JSON.stringify(report) : checklistText(report, args.locale));
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`doctor: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
