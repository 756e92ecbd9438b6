import type { Command } from 'commander';
import { CoreService } from '../../service/core-service.js';
import { defaultStaticDir, startUiServer } from '../../ui-server/server.js';
import { isLoopbackHost } from '../../ui-server/host-check.js';
import { ensureUiCertificate, type UiTls } from '../../ui-server/remote-tls.js';
import { ensureWebUiBuilt } from '../../ui-server/build-on-demand.js';
import { UserError } from '../../util/errors.js';
import { cliOutput } from '../context.js';
import { terminalConfirm } from '../terminal-confirm.js';

interface UiOptions {
  host: string;
  port: string;
  allowRemote?: boolean;
  json?: boolean;
}

export function registerUi(program: Command): void {
  program
    .command('ui')
    .description(
      'Serve the app in a browser (for servers without a desktop); prints a URL with a token valid until it stops',
    )
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', '8765')
    .option(
      '--allow-remote',
      'allow listening on a non-loopback address, over TLS with a self-signed certificate (check its fingerprint)',
    )
    .option('--json', 'print {"url": …} as one JSON document once listening')
    .action(async (opts: UiOptions) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535)
        throw new UserError(`--port must be a port from 0 to 65535 (0 = any free port), got "${opts.port}"`);
      const staticDir = defaultStaticDir();
      await ensureWebUiBuilt(staticDir, (line) => {
        if (!opts.json) process.stderr.write(`${line}\n`);
      });
      // A native executable chosen in the browser is confirmed here, on the terminal running `sn2 ui`.
      const service = new CoreService({
        host: { confirmNativePath: terminalConfirm({ input: process.stdin, output: process.stderr }) },
      });
      let server;
      let tls: UiTls | undefined;
      try {
        if (opts.allowRemote && !isLoopbackHost(opts.host))
          tls = await ensureUiCertificate(service.context.paths.root, opts.host);
        server = await startUiServer({
          service,
          staticDir,
          host: opts.host,
          port,
          allowRemote: Boolean(opts.allowRemote),
          tls,
        });
      } catch (err) {
        await service.close();
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new UserError(`port ${port} is in use: pass --port with another number (or 0 for any)`);
        }
        throw err;
      }
      // The token is printed this once and never logged.
      const fingerprint = tls?.fingerprint;
      cliOutput(Boolean(opts.json)).result({ url: server.url, remote: Boolean(tls), fingerprint }, () =>
        [
          `Subnet 2 Desktop is at ${server.url}`,
          '(the token in the URL is valid until this command stops; every start makes a new one)',
          ...(fingerprint
            ? [
                `TLS certificate SHA-256 fingerprint: ${fingerprint}`,
                'Your browser will warn about a self-signed certificate: continue only if it shows this fingerprint.',
              ]
            : ['(reachable from this computer only; use an SSH tunnel from elsewhere)']),
        ].join('\n'),
      );
      await new Promise<void>((done) => {
        const stop = () => done();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      if (!opts.json) process.stderr.write('stopping: waiting for in-flight proofs…\n');
      await server.close();
      await service.close();
    });
}
