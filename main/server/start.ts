// Starts the server face: the engine, its receiver, and the UI server on loopback. Used by serve.ts and the tests.

import { type Engine, type Listening, type Logger, listen, openEngine, type PostbackOutcome } from '../engine/index.js';
import type { ServeOptions } from './options.js';
import { postbackLine } from './postback-line.js';
import { type RemoteListening, startRemoteListener } from './remote-listener.js';
import { createUiApp } from './ui-app.js';

const quiet: Logger = { info() {}, warn() {}, error() {} };

export interface RunningServer {
  engine: Engine;
  /** the hub's remote listener, when --remote-port asked for one */
  remote: { url: string; port: number; fingerprint: string | null } | null;
  postbackUrl: string;
  receiverPort: number;
  uiUrl: string;
  uiPort: number;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions, rendererDir: string, log?: Logger): Promise<RunningServer> {
  const engine = await openEngine({
    ...options,
    log,
    ...(log && !options.quiet ? { onPostback: (outcome: PostbackOutcome) => log.info(postbackLine(outcome)) } : {}),
  });
  let ui: Listening | null = null;
  let remote: RemoteListening | null = null;
  try {
    const receiver = await engine.startReceiver();
    const app = createUiApp(engine, { rendererDir, log: log ?? quiet, devOrigin: options.devOrigin });
    ui = await listen(app, '127.0.0.1', options.uiPort);
    if (options.remote)
      remote = await startRemoteListener(engine, options.remote, options.dataDir, rendererDir, log ?? quiet);
    const uiUi = ui;
    const remoteListening = remote;
    return {
      engine,
      remote: remote && { url: remote.url, port: remote.listening.port, fingerprint: remote.fingerprint },
      postbackUrl: receiver.postbackUrl,
      receiverPort: receiver.port,
      uiUrl: `http://127.0.0.1:${ui.port}/#token=${engine.uiToken}`,
      uiPort: ui.port,
      async close() {
        await remoteListening?.listening.close();
        await uiUi.close();
        await engine.close();
      },
    };
  } catch (error) {
    await remote?.listening.close();
    await ui?.close();
    await engine.close();
    throw error;
  }
}
