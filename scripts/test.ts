/**
 * `npm test`: unit tests (vitest, against the mock over HTTP), a production build, then the
 * browser flows (Playwright in Chromium against that build and the mock). Ends with one
 * line that counts every test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${title}: ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return result.status === 0;
}

function counts<Report>(file: string, read: (json: Report) => { passed: number; failed: number; skipped: number }) {
  try {
    return read(JSON.parse(readFileSync(path.join(results, file), 'utf8')));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

const unitOk = run('unit tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${path.join(results, 'vitest.json')}`]);
const unit = counts<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>('vitest.json', (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests }));

const buildOk = unitOk && run('production build', bin('next'), ['build']) && run('standalone assets', bin('tsx'), ['scripts/standalone-assets.ts']);
const e2eOk = buildOk && run('browser flows', bin('playwright'), ['test']);
const e2e = counts<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>('playwright.json', (j) => ({ passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky, skipped: j.stats.skipped }));

const allOk = unitOk && buildOk && e2eOk;
const passed = unit.passed + e2e.passed;
// A step that failed without failing a test (the build, a crashed runner) still counts as a failure.
const failed = Math.max(unit.failed + e2e.failed, allOk ? 0 : 1);
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; browser: ${e2e.passed} passed, ${e2e.failed} failed${buildOk ? '' : ' (build failed)'}`);
console.log(`${passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`);
process.exit(allOk ? 0 : 1);
