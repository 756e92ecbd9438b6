import packageJson from '../../package.json';

/** The app's own version, from package.json (the single source); bundlers inline it. */
export const APP_VERSION: string = packageJson.version;
