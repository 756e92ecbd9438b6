import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ConnectionState, CoreTransport } from '../transport/transport.js';

const CoreContext = createContext<CoreTransport | null>(null);

export function CoreProvider({ transport, children }: { transport: CoreTransport; children: ReactNode }) {
  return <CoreContext.Provider value={transport}>{children}</CoreContext.Provider>;
}

export function useCore(): CoreTransport {
  const core = useContext(CoreContext);
  if (!core) throw new Error('useCore() outside <CoreProvider>');
  return core;
}

export function useConnection(): ConnectionState {
  const core = useCore();
  const [state, setState] = useState(core.connection);
  useEffect(() => core.onConnection(setState), [core]);
  return state;
}
