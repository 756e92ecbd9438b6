import type { Command } from 'commander';
import { CoreService } from '../../service/core-service.js';
import { defaultStaticDir, startUiServer } from '../../ui-server/server.js';
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
      'Serve the app in a browser (for servers without a desktop); prints a URL with a one-time token',
    )
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', '8765')
    .option('--allow-remote', 'allow listening on a non-loopback address (put TLS or an SSH tunnel in front)')
    .option('--json', 'print {"url": …} as one JSON document once listening')
    .action(async (opts: UiOptions) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535)
        throw new UserError(`--port must be a port from 0 to 65535 (0 = any free port), got "${opts.port}"`);
      // A native executable chosen in the browser is confirmed here, on the terminal running `sn2 ui`.
      const service = new CoreService({
        host: { confirmNativePath: terminalConfirm({ input: process.stdin, output: process.stderr }) },
      });
      let server;
      try {
        server = await startUiServer({
          service,
          staticDir: defaultStaticDir(),
          host: opts.host,
          port,
          allowRemote: Boolean(opts.allowRemote),
        });
      } catch (err) {
        await service.close();
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new UserError(`port ${port} is in use: pass --port with another number (or 0 for any)`);
        }
        throw err;
      }
      // The token is printed this once and never logged.
      cliOutput(Boolean(opts.json)).result({ url: server.url, remote: Boolean(opts.allowRemote) }, () =>
        [
          `Subnet 2 Desktop is at ${server.url}`,
          ...(opts.allowRemote
            ? []
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
