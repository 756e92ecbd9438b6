// Worker-thread entry. In development (TypeScript sources run through tsx) the worker has no TS
// loader of its own, so this plain-JS shim registers tsx before importing the real entry; a built
// app passes a .js entry and skips it.
import { workerData } from 'node:worker_threads';

const entry = workerData.entry;
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
