// Every IPC channel between the preload and the main process, in one place (runs in main and preload).

/** renderer → main: one CoreService command, as a bridge envelope { command, input }. */
export const IPC_INVOKE = 'sn2:invoke';
/** main → renderer: one CoreEvent. */
export const IPC_EVENT = 'sn2:event';

/** The custom scheme the renderer is served from (never file://, never http). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
