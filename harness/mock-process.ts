import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

export interface MockProcess {
  url: string;
  pid: number | undefined;
  close: () => Promise<void>;
}

/**
 * The mock of WeCom in a process of its own (`npm run mock`'s entry), configured by MOCK_*
 * variables: for measurements where the mock's own work (serialising 100,000 members) must
 * not run on the event loop of the process that times the requests.
 */
export async function startMockProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<MockProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'mock/cli.ts')], {
    cwd: root,
    env: { ...process.env, MOCK_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the mock did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /WeCom mock listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the mock exited with ${code}:\n${output}`));
    });
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    url,
    pid: child.pid,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
