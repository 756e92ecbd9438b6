import { readFileSync } from 'node:fs';

/** The app's own version, from package.json (the single source). */
export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
