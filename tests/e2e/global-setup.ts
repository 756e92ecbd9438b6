import { execFileSync } from 'node:child_process';

/** The tests exercise the current renderer source: build it once before any test (≈ 1 s). */
export default function globalSetup(): void {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
