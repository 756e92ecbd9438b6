import { useState } from 'react';
import { useCore } from '../state/core-context.js';
import { useQuery } from '../state/use-query.js';
import { LocalRegister } from './registration/LocalRegister.js';
import { ExtensionRegister } from './registration/ExtensionRegister.js';
import { ProtocolGuard } from './registration/ProtocolGuard.js';
import { ShouldIMineCard } from '../economics/ShouldIMineCard.js';

type Payer = 'wallet' | 'extension';
interface Registered {
  uid: number;
  block: number;
}

/**
 * Registration burns TAO, paid by the wallet's coldkey (password) or, in the web UI, by a
 * browser-extension account. Either way the live cost is shown and explicitly confirmed first, after the
 * protocol guard has said whether this computer can mine the network at all.
 */
export function RegisterStep({ onDone }: { onDone: () => void }) {
  // Extensions inject into web pages only; Electron's window never has one.
  const extensionsPossible = useCore().kind === 'web';
  const [payer, setPayer] = useState<Payer>('wallet');
  const [done, setDone] = useState<Registered>();
  const protocolSupport = useQuery('protocol.support', {});

  if (done) {
    return (
      <div>
        <p className="note note-ok" role="status">
          Registered with uid {done.uid} (block {done.block}).
        </p>
        <div className="button-row">
          <button type="button" className="btn btn-primary" onClick={onDone}>
            Continue
          </button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <ShouldIMineCard protocolSupport={protocolSupport.data?.support} />
      <ProtocolGuard support={protocolSupport}>
        {extensionsPossible && (
          <div className="tabs" role="tablist" aria-label="Who pays for registration">
            {(
              [
                ['wallet', 'Wallet coldkey'],
                ['extension', 'Browser extension'],
              ] as const
            ).map(([p, label]) => (
              <button
                key={p}
                type="button"
                role="tab"
                aria-selected={payer === p}
                className={`tab ${payer === p ? 'tab-selected' : ''}`}
                onClick={() => setPayer(p)}
              >
                {label}
              </button>
            ))}
          </div>
        )}
        <div role={extensionsPossible ? 'tabpanel' : undefined}>
          {payer === 'extension' && extensionsPossible ? (
            <ExtensionRegister onRegistered={setDone} />
          ) : (
            <LocalRegister onRegistered={setDone} />
          )}
        </div>
      </ProtocolGuard>
      <div className="button-row">
        <button type="button" className="btn" onClick={onDone}>
          Skip for now
        </button>
      </div>
    </div>
  );
}
