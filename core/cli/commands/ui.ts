import type { Command } from 'commander';
import { CoreService } from '../../service/core-service.js';
import { defaultStaticDir, startUiServer } from '../../ui-server/server.js';
import { UserError } from '../../util/errors.js';

interface UiOptions {
  host: string;
  port: string;
  allowRemote?: boolean;
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
    .action(async (opts: UiOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UserError(`--port ${opts.port} is not a port number`);
      const service = new CoreService();
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
      process.stdout.write(`Subnet 2 Desktop is at ${server.url}\n`);
      if (!opts.allowRemote)
        process.stdout.write('(reachable from this computer only; use an SSH tunnel from elsewhere)\n');
      await new Promise<void>((done) => {
        const stop = () => done();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      process.stderr.write('stopping: waiting for in-flight proofs…\n');
      await server.close();
      await service.close();
    });
}
