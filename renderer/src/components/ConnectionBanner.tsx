import type { ConnectionState } from '../transport/transport.js';

export function ConnectionBanner({ state }: { state: ConnectionState }) {
  if (state === 'connected' || state === 'connecting') return null;
  return (
    <div className="note note-warn" role="alert">
      Lost the connection to the core: reconnecting… Live updates resume when it is back; is "sn2 ui" still
      running?
    </div>
  );
}
