import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './app-server';

/**
 * Debian's nginx running the shipped deploy/nginx.conf in front of app instances on
 * loopback: the config's addresses and certificate paths replaced, nothing else. Its own
 * prefix, main config, logs and temporary files live in a fresh directory; the system's
 * nginx service and /etc/nginx are never touched. The certificate is made for the test by
 * openssl, for 127.0.0.1.
 */
export interface NginxServer {
  /** https://127.0.0.1:<port>: what members would open. */
  url: string;
  /** The plain http port, which only redirects. */
  httpUrl: string;
  /** The certificate (PEM), for clients to trust, and its file (NODE_EXTRA_CA_CERTS). */
  certificate: string;
  certificateFile: string;
  /** One line a request: `<client> "<request>" <status> upstream=<addresses> upstream_status=<statuses>`. */
  accessLog: () => string;
  errorLog: () => string;
  stop: () => Promise<void>;
}

// Debian puts it in /usr/sbin, which a user's PATH may lack.
const EXECUTABLE = process.env.NGINX ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
const SHIPPED_CONFIG = path.resolve(__dirname, '../deploy/nginx.conf');

export async function startNginx(options: {
  upstreams: string[];
  /** Where nginx's access and error logs are copied when it stops (`<logPrefix>access.log`, `<logPrefix>error.log`). */
  logPrefix?: string;
}): Promise<NginxServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wecom-portal-nginx-'));
  // nginx's workers (another user when started as root) read and write below it.
  chmodSync(dir, 0o755);
  const file = (name: string) => path.join(dir, name);
  const [httpsPort, httpPort] = [await freePort(), await freePort()];

  const openssl = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', file('portal.key'), '-out', file('portal.crt')],
    { encoding: 'utf8' },
  );
  if (openssl.status !== 0) throw new Error(`openssl could not make a certificate (is openssl installed? .ci/run installs it): ${openssl.error?.message ?? openssl.stderr}`);

  writeFileSync(
    file('portal.conf'),
    portalSiteConfig(readFileSync(SHIPPED_CONFIG, 'utf8'), {
      upstreams: options.upstreams,
      https: `127.0.0.1:${httpsPort}`,
      http: `127.0.0.1:${httpPort}`,
      certificate: file('portal.crt'),
      key: file('portal.key'),
    }),
  );
  writeFileSync(
    file('nginx.conf'),
    `# The test's main config: everything in ${dir}, the shipped site config included as compose mounts it.
daemon off;
worker_processes 1;
pid ${file('nginx.pid')};
error_log ${file('error.log')} warn;
events { worker_connections 512; }
http {
  client_body_temp_path ${file('client_body')};
  proxy_temp_path ${file('proxy')};
  fastcgi_temp_path ${file('fastcgi')};
  uwsgi_temp_path ${file('uwsgi')};
  scgi_temp_path ${file('scgi')};
  log_format upstreams '$remote_addr "$request" $status upstream=$upstream_addr upstream_status=$upstream_status';
  access_log ${file('access.log')} upstreams;
  include ${file('portal.conf')};
}
`,
  );

  let output = '';
  const child: ChildProcess = spawn(EXECUTABLE, ['-p', dir, '-c', file('nginx.conf'), '-e', file('error.log')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  const spawnFailed = new Promise<never>((_, reject) =>
    child.once('error', (error) => reject(new Error(`cannot start ${EXECUTABLE} (is nginx installed? .ci/run installs it): ${error.message}`))),
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test runner that stops abruptly must not leave nginx behind.
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  const read = (name: string) => {
    try {
      return readFileSync(file(name), 'utf8');
    } catch {
      return '';
    }
  };
  await Promise.race([waitForPort(httpsPort, () => child.exitCode !== null, () => `${output}${read('error.log')}`), spawnFailed]);

  return {
    url: `https://127.0.0.1:${httpsPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    certificate: read('portal.crt'),
    certificateFile: file('portal.crt'),
    accessLog: () => read('access.log'),
    errorLog: () => read('error.log'),
    stop: async () => {
      process.off('exit', onExit);
      if (child.exitCode === null) {
        // SIGQUIT: nginx's graceful stop.
        child.kill('SIGQUIT');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (options.logPrefix) {
        mkdirSync(path.dirname(options.logPrefix), { recursive: true });
        for (const name of ['access.log', 'error.log']) if (existsSync(file(name))) copyFileSync(file(name), `${options.logPrefix}${name}`);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * deploy/nginx.conf with the test's addresses: each `server app:3000 …` becomes one line
 * per instance, `listen 443 ssl` and `listen 80` listen on loopback ports, and the
 * certificate paths point at the test's files. Each must be found exactly once, so a
 * change to the shipped file that the test would no longer cover stops the test instead.
 */
export function portalSiteConfig(shipped: string, values: { upstreams: string[]; https: string; http: string; certificate: string; key: string }): string {
  let config = shipped;
  const replaceOnce = (pattern: RegExp, replacement: (groups: string[]) => string) => {
    const found = [...config.matchAll(new RegExp(pattern.source, 'gm'))].length;
    if (found !== 1) throw new Error(`deploy/nginx.conf: expected one line matching ${pattern}, found ${found}`);
    config = config.replace(new RegExp(pattern.source, 'm'), (_line, ...groups: string[]) => replacement(groups));
  };
  replaceOnce(/^(\s*)server app:3000( [^;]*)?;$/, ([indent, parameters]) => values.upstreams.map((address) => `${indent}server ${address}${parameters ?? ''};`).join('\n'));
  replaceOnce(/^(\s*)listen 443 ssl;$/, ([indent]) => `${indent}listen ${values.https} ssl;`);
  replaceOnce(/^(\s*)listen 80;$/, ([indent]) => `${indent}listen ${values.http};`);
  replaceOnce(/^(\s*)ssl_certificate \S+;$/, ([indent]) => `${indent}ssl_certificate ${values.certificate};`);
  replaceOnce(/^(\s*)ssl_certificate_key \S+;$/, ([indent]) => `${indent}ssl_certificate_key ${values.key};`);
  return config;
}

async function waitForPort(port: number, exited: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`nginx exited during start-up:\n${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on port ${port} within 10 s:\n${output()}`);
}
