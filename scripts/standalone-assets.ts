/**
 * `next build` with `output: 'standalone'` leaves the browser assets out of the standalone
 * folder (a CDN may serve them); this app serves them itself, so they are copied in, as the
 * Dockerfile does. The setup doctor goes in too, as one bundled file (`node doctor.js`), since
 * the image has neither tsx nor the sources. Run by `npm run build` after `next build`.
 */
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const root = path.resolve(__dirname, '..');
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next');
const standalone = path.join(distDir, 'standalone');
if (!existsSync(path.join(standalone, 'server.js'))) {
  console.error(`no standalone build in ${path.relative(root, standalone)}: run next build first`);
  process.exit(1);
}
cpSync(path.join(distDir, 'static'), path.join(standalone, path.relative(root, distDir), 'static'), { recursive: true });
if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });

// Everything it needs inside one file: the image's node_modules hold only what the server traced.
buildSync({
  entryPoints: [path.join(root, 'scripts/doctor.ts')],
  outfile: path.join(standalone, 'doctor.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
