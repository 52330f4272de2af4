/**
 * The entry of `server-hooks.js`, which every production server process starts with:
 * `node --require ./server-hooks.js server.js` (the image), `npm start`, the test harness.
 * Node runs it before Next.js loads, so the hooks are in place before Next's server
 * exists, and no request, however early, reaches the app without them. Bundled into one
 * file by scripts/standalone-assets.ts (`npm run build`).
 */
import { installHeapReport } from './heap-report';
import { installServerHooks } from './server-hooks';

installServerHooks('preload');
installHeapReport();
