import { useState } from 'react';
import type { Network } from '../../../core/contract/index.js';
import { useAction } from '../state/use-action.js';
import { useQuery } from '../state/use-query.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { NETWORK_CHOICES } from './networks.js';

export function NetworkStep({ onDone }: { onDone: (network: Network) => void }) {
  const settings = useQuery('settings.get', {});
  const presets = useQuery('network.presets', {});
  const save = useAction('settings.update');
  const [network, setNetwork] = useState<Network>();
  const [endpoint, setEndpoint] = useState('');
  const [netuid, setNetuid] = useState('');
  const chosen = network ?? settings.data?.network ?? 'practice';

  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const custom = chosen === 'custom';
        const out = await save.run({
          network: chosen,
          ...(custom ? { chainEndpoint: endpoint.trim() } : {}),
          ...(custom && netuid ? { netuid: Number(netuid) } : {}),
        });
        if (out) onDone(out.network);
      }}
    >
      <fieldset className="choices">
        <legend>Which network?</legend>
        {NETWORK_CHOICES.map((n) => {
          const preset = presets.data?.find((p) => p.network === n.network);
          return (
            <label key={n.network} className={`choice ${chosen === n.network ? 'choice-selected' : ''}`}>
              <input
                type="radio"
                name="network"
                value={n.network}
                checked={chosen === n.network}
                onChange={() => setNetwork(n.network)}
              />
              <span>
                <strong>{n.label}</strong>
                <span className="muted"> {n.description}</span>
                {preset?.endpoint && <span className="muted mono small"> {preset.endpoint}</span>}
              </span>
            </label>
          );
        })}
      </fieldset>
      {chosen === 'custom' && (
        <div className="grid-2">
          <div className="field">
            <label htmlFor="custom-endpoint">Endpoint</label>
            <input
              id="custom-endpoint"
              required
              pattern="wss?://\S+"
              placeholder="wss://example.org:443"
              value={endpoint}
              onChange={(e) => setEndpoint(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="custom-netuid">Netuid</label>
            <input
              id="custom-netuid"
              type="number"
              min={0}
              value={netuid}
              onChange={(e) => setNetuid(e.target.value)}
            />
          </div>
        </div>
      )}
      {chosen === 'finney' && (
        <p className="note note-warn">
          Mainnet uses real TAO. Try Practice or Testnet first if this is your first time.
        </p>
      )}
      <ErrorNote error={settings.error ?? save.error} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={save.pending}>
          Continue
        </button>
      </div>
    </form>
  );
}
