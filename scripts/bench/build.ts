import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A production build in its own directory, as `npm run build` makes it, so the benchmark
 * never touches the `.next` that `npm start` or the tests use. `next build` rewrites
 * tsconfig.json and next-env.d.ts to point at the directory it built; both are put back as
 * they were.
 */
export function buildApp(root: string, distDir: string): void {
  const touched = ['tsconfig.json', 'next-env.d.ts'].map((name) => path.join(root, name));
  const before = touched.map((file) => readIfPresent(file));
  try {
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
    // As `npm run build`: the assets and the server hooks' preload that every server starts with.
    const assets = spawnSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'scripts/standalone-assets.ts')], {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: distDir },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (assets.status !== 0) throw new Error(`scripts/standalone-assets.ts failed (exit ${assets.status})`);
  } finally {
    touched.forEach((file, i) => {
      const original = before[i];
      if (original !== null && readIfPresent(file) !== original) writeFileSync(file, original);
    });
  }
}

function readIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
