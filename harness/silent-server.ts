import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** Accepts connections on 127.0.0.1 and never answers: a server behind a black-holing firewall. */
export async function startSilentServer(): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}
