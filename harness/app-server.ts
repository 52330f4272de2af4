import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** A production build of the app (`next start`), run as its own process with its own environment. */
export interface AppServer {
  url: string;
  /** Everything the app printed: tests check that no credential ever appears in it. */
  output: () => string;
  /** Sends a signal (SIGTERM: what a deploy sends) and resolves with the exit code. */
  stop: (signal: NodeJS.Signals) => Promise<number | null>;
  close: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The server process, started but perhaps not listening yet: for tests of the moments around start-up. */
export interface LaunchedApp extends AppServer {
  port: number;
  /** Resolves when /api/health answers; rejects when the process exits first or the time is up. */
  ready: (timeoutMs?: number) => Promise<void>;
  running: () => boolean;
}

export interface AppOptions {
  port?: number;
  timeoutMs?: number;
  logFile?: string;
  /** `.next/standalone/server.js`, what the Docker image runs, instead of `next start`. */
  standalone?: boolean;
  /** Start without the server hooks' preload (`server-hooks.js`), as a plain `next start` would. */
  withoutHooksPreload?: boolean;
}

/**
 * Node flags of every production server: `npm start`, the image's CMD and this harness
 * (test/http/server-command.test.ts keeps the three alike). V8 sizes its heap limit from
 * the machine's memory (about 4 GiB on a 24 GiB host) and, with that much room, let the
 * heap grow to 420 MiB resident under the bench's load while 55 MiB was alive. With a
 * 512 MiB limit it collects sooner (about 200 MiB resident after the same load) and still
 * has room for a 100,000-member directory being rebuilt (docs/performance.md, memory).
 * Young objects get 8 MiB semi-spaces instead of 16: a page view's garbage dies young, and
 * smaller spaces took the 20,000-member admin run's peak from 240 to 225 MiB at the same
 * throughput.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=8'];

/** The command line of a production server, as `npm start` and the image's CMD run it. */
export function appCommand(port: number, options: Pick<AppOptions, 'standalone' | 'withoutHooksPreload'> = {}): string[] {
  const root = path.resolve(__dirname, '..');
  const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next');
  const serverDir = options.standalone ? path.join(distDir, 'standalone') : distDir;
  // The hooks go in before Next.js opens the port (lib/http/server-hooks-preload.ts).
  const preload = options.withoutHooksPreload ? [] : ['--require', path.join(serverDir, 'server-hooks.js')];
  return options.standalone
    ? [...SERVER_NODE_FLAGS, ...preload, path.join(serverDir, 'server.js')]
    : [...SERVER_NODE_FLAGS, ...preload, path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'];
}

/** Starts the process and returns at once; `ready()` waits for it to answer. */
export async function launchApp(env: Record<string, string>, options: AppOptions = {}): Promise<LaunchedApp> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const root = path.resolve(__dirname, '..');
  const child: ChildProcess = spawn(process.execPath, appCommand(port, options), {
    cwd: root,
    // NEXT_MANUAL_SIG_HANDLE as in the Dockerfile: the app's own shutdown (lib/http/graceful-shutdown.ts).
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_MANUAL_SIG_HANDLE: 'true',
      APP_URL: url,
      // What the standalone server listens on (next start takes -p and -H instead).
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  if (options.logFile) mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = options.logFile ? createWriteStream(options.logFile) : null;
  const collect = (chunk: Buffer) => {
    output += chunk;
    log?.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const ready = async (timeoutMs = options.timeoutMs ?? 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app exited during start-up:\n${output}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the app did not answer /api/health within the time limit:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  };

  return {
    url,
    port,
    ready,
    running: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    stop: async (signal) => {
      child.kill(signal);
      const code = await exited;
      log?.end();
      return code;
    },
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      // A shutdown leaves idle keep-alive connections to their peer for up to 5 s (lib/http/graceful-shutdown.ts).
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      log?.end();
    },
  };
}

export async function startApp(env: Record<string, string>, options: AppOptions = {}): Promise<AppServer> {
  const app = await launchApp(env, options);
  await app.ready();
  // The app checks its WeCom setup once after start (lib/setup/startup-doctor.ts): its calls to
  // the mock are over before a test counts calls. The run is bounded, so this wait is too.
  const doctorDeadline = Date.now() + 20_000;
  const doctorDone = () => app.output().includes('"event":"setup.checked"') || app.output().includes('"event":"setup.check_crashed"');
  while (!doctorDone() && Date.now() < doctorDeadline && app.running()) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return app;
}
