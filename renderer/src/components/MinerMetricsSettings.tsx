import type { Settings } from '../../../core/contract/index.js';
import { Check, Field } from './SettingsFields.js';

type Prometheus = Settings['mining']['prometheus'];

/** The miner's Prometheus switch (`sn2 mine --prometheus.port`): takes effect the next time mining starts. */
export function MinerMetricsSettings({
  value,
  onChange,
}: {
  value: Prometheus;
  onChange: (next: Prometheus) => void;
}) {
  return (
    <fieldset>
      <legend>Miner metrics</legend>
      <Check
        id="s-miner-prom"
        label="Serve Prometheus metrics while mining"
        checked={value.enabled}
        onChange={(enabled) => onChange({ ...value, enabled })}
      />
      <p className="muted small">
        A plain-HTTP /metrics page on {value.host} (requests by synapse and status, refusals by reason, proof
        times per circuit and prover, queue depth) for a Prometheus server to scrape. Applies from the next
        start.
      </p>
      <Field label="Miner metrics (TCP)" id="s-miner-prom-tcp" hint="port 1025–65534; default 9090">
        <input
          id="s-miner-prom-tcp"
          type="number"
          min={1025}
          max={65534}
          disabled={!value.enabled}
          value={value.port}
          onChange={(e) => onChange({ ...value, port: Number(e.target.value) })}
        />
      </Field>
    </fieldset>
  );
}
