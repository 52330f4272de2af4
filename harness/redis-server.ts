import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './app-server';

/**
 * A real redis-server for tests and the benchmark: loopback only, nothing written to disk,
 * on a free port. It can be killed and started again on the same port, and paused
 * (SIGSTOP) to play a Redis that accepts connections but never answers.
 */
export interface RedisServer {
  url: string;
  port: number;
  /** The server's process id (for its memory figures). */
  pid: () => number | undefined;
  /** SIGKILL, as a crash would. */
  kill: () => Promise<void>;
  /** Starts it again on the same port, empty. */
  restart: () => Promise<void>;
  pause: () => void;
  resume: () => void;
  stop: () => Promise<void>;
}

const EXECUTABLE = process.env.REDIS_SERVER ?? 'redis-server';

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';

  const launch = async () => {
    output = '';
    const started = spawn(EXECUTABLE, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    const spawnFailed = new Promise<never>((_, reject) =>
      started.once('error', (error) => reject(new Error(`cannot start ${EXECUTABLE} (is redis-server installed? .ci/run installs it): ${error.message}`))),
    );
    child = started;
    await Promise.race([waitForPong(port, () => started.exitCode !== null, () => output), spawnFailed]);
  };

  const killNow = async (signal: NodeJS.Signals) => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGCONT');
    running.kill(signal);
    await exited;
  };

  // A test runner that stops abruptly must not leave a server behind.
  const onExit = () => child?.kill('SIGKILL');
  process.once('exit', onExit);

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: () => child?.pid,
    kill: () => killNow('SIGKILL'),
    restart: async () => {
      await killNow('SIGKILL');
      await launch();
    },
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    stop: async () => {
      process.off('exit', onExit);
      await killNow('SIGTERM');
    },
  };
}

/** Redis is ready when it answers PING over its own protocol. */
async function waitForPong(port: number, exited: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`redis-server exited during start-up:\n${output()}`);
    if (await answersPing(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not answer PING on port ${port} within 10 s:\n${output()}`);
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => finish(data.toString().startsWith('+PONG')));
  });
}
