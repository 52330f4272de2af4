/**
 * `npm run test:e2e -- [Playwright's arguments]`: the browser flows alone, e.g.
 * `npm run test:e2e -- e2e/english.spec.ts -g "tree"`. It builds the production app first
 * when there is no build or a source file is newer than it, since every flow runs against
 * that build; the global set-up then starts only the app instances the selected specs use.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const built = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'standalone', 'doctor.js');
const SOURCES = ['app', 'lib', 'components', 'public', 'scripts/doctor.ts', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'package-lock.json'];

function newestChange(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newestChange(path.join(entry, name))));
}

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } }).status ?? 1;
}

const buildTime = existsSync(built) ? statSync(built).mtimeMs : 0;
if (buildTime < Math.max(...SOURCES.map(newestChange))) {
  console.log(buildTime ? 'The sources changed since the last build: building again.' : 'No production build yet: building it.');
  if (run(bin('next'), ['build']) !== 0 || run(bin('tsx'), ['scripts/standalone-assets.ts']) !== 0) process.exit(1);
}
process.exit(run(bin('playwright'), ['test', ...process.argv.slice(2)]));
