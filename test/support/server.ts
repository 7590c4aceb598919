// Serves a folder (dist/ by default) over plain http on a free loopback port for browser tests.
import http from 'http';
import type { AddressInfo } from 'net';
import { createStaticHandler } from '../../scripts/staticServer';
import { distDir } from './paths';

export interface StaticServer {
  /** Base URL ending with '/', e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

export function startStaticServer(root: string = distDir): Promise<StaticServer> {
  const server = http.createServer(createStaticHandler(root));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
  });
}
