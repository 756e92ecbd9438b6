import { useState } from 'react';
import type { Settings } from '../../../core/contract/index.js';
import { Card } from './Card.js';
import { Check, Field } from './SettingsFields.js';

type Services = Settings['validator'];
export type ServicesPatch = { [K in keyof Services]?: Partial<Services[K]> };

const keyLines = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((k) => k.trim())
    .filter(Boolean);

/**
 * What a running validator exposes besides its dendrite: the external API, the Prometheus endpoint and
 * proof publishing. All off by default; they take effect the next time the validator starts.
 */
export function ValidatorServicesSettings({
  value,
  onChange,
}: {
  value: Services;
  onChange: (patch: ServicesPatch) => void;
}) {
  const [keys, setKeys] = useState(value.externalApi.whitelistedPublicKeys.join('\n'));
  const api = value.externalApi;
  const prom = value.prometheus;
  const pub = value.proofPublishing;
  const remoteMetrics = prom.enabled && !['127.0.0.1', 'localhost', '::1'].includes(prom.host.trim());
  return (
    <Card title="Validator services" id="settings-validator">
      <p className="muted">Off by default. Changes take effect the next time the validator starts.</p>
      <fieldset>
        <legend>External API</legend>
        <Check
          id="s-api"
          label="Serve the external API"
          checked={api.enabled}
          onChange={(enabled) => onChange({ externalApi: { enabled } })}
        />
        <p className="muted small">
          A wss:// JSON-RPC endpoint on all network interfaces where holders of a validator permit, and the
          keys listed below, submit proof requests for your validator to send to miners. Turning it on opens
          it to the internet.
        </p>
        <Field label="External API (TCP)" id="s-api-tcp" hint="port 1025–65534; default 8443">
          <input
            id="s-api-tcp"
            type="number"
            min={1025}
            max={65534}
            disabled={!api.enabled}
            value={api.port}
            onChange={(e) => onChange({ externalApi: { port: Number(e.target.value) } })}
          />
        </Field>
        <Field
          label="Whitelisted public keys"
          id="s-api-keys"
          hint="one per line: ss58 hotkeys or 0x public keys allowed without a validator permit"
        >
          <textarea
            id="s-api-keys"
            rows={3}
            disabled={!api.enabled}
            value={keys}
            onChange={(e) => {
              setKeys(e.target.value);
              onChange({ externalApi: { whitelistedPublicKeys: keyLines(e.target.value) } });
            }}
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>Prometheus metrics</legend>
        <Check
          id="s-prom"
          label="Serve Prometheus metrics"
          checked={prom.enabled}
          onChange={(enabled) => onChange({ prometheus: { enabled } })}
        />
        <p className="muted small">
          A plain-HTTP /metrics page (requests, proof times, verification outcomes, weights, chain health) for
          a Prometheus server to scrape. It stays on this computer (127.0.0.1) unless you give another host.
        </p>
        <Field
          label="Metrics host"
          id="s-prom-host"
          hint="127.0.0.1 = this computer only; 0.0.0.0 = every network"
        >
          <input
            id="s-prom-host"
            disabled={!prom.enabled}
            value={prom.host}
            onChange={(e) => onChange({ prometheus: { host: e.target.value } })}
          />
        </Field>
        <Field label="Metrics (TCP)" id="s-prom-tcp" hint="port 1025–65534; default 9090">
          <input
            id="s-prom-tcp"
            type="number"
            min={1025}
            max={65534}
            disabled={!prom.enabled}
            value={prom.port}
            onChange={(e) => onChange({ prometheus: { port: Number(e.target.value) } })}
          />
        </Field>
        {remoteMetrics && (
          <p className="note note-warn" data-testid="remote-metrics-warning">
            Metrics will be reachable from other machines on {prom.host}: there is no password on this page,
            so allow it only behind a firewall.
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>Proof publishing</legend>
        <Check
          id="s-pub"
          label="Publish verified proofs"
          checked={pub.enabled}
          onChange={(enabled) => onChange({ proofPublishing: { enabled } })}
        />
        <p className="muted small">
          Sends each verified proof of a real-world request, signed with your hotkey, to the proof-storage
          service.
        </p>
        <Field
          label="Proof storage URL"
          id="s-pub-url"
          hint="empty = the Subnet 2 service on mainnet (finney); other networks need a URL"
        >
          <input
            id="s-pub-url"
            type="url"
            disabled={!pub.enabled}
            value={pub.url ?? ''}
            onChange={(e) => onChange({ proofPublishing: { url: e.target.value || undefined } })}
          />
        </Field>
      </fieldset>
    </Card>
  );
}
