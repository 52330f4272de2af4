/**
 * `next build` with `output: 'standalone'` leaves the browser assets out of the standalone
 * folder (a CDN may serve them); this app serves them itself, so they are copied in, as the
 * Dockerfile does. The setup doctor goes in too, as one bundled file (`node doctor.js`), since
 * the image has neither tsx nor the sources, and so does the server hooks' preload
 * (`server-hooks.js`, which every production server starts with: `node --require
 * ./server-hooks.js server.js`), also beside the build for `npm start`. Run by `npm run build`
 * after `next build`.
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

// Everything each needs inside one file: the image's node_modules hold only what the server traced.
const bundle = (entry: string, outfile: string) =>
  buildSync({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
bundle('scripts/doctor.ts', path.join(standalone, 'doctor.js'));
// In the image (.next/standalone) and beside the build for `npm start` (.next).
for (const dir of [standalone, distDir]) bundle('lib/http/server-hooks-preload.ts', path.join(dir, 'server-hooks.js'));
