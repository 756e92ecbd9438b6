import { useEffect, useMemo, useState } from 'react';
import type { Settings } from '../../../core/contract/index.js';
import { Card, Loading, Page } from '../components/Card.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { useQuery } from '../state/use-query.js';
import { useAction } from '../state/use-action.js';
import { NETWORK_CHOICES } from '../onboarding/networks.js';
import { Check, Field } from '../components/SettingsFields.js';
import { UpdatePanel } from '../components/UpdatePanel.js';
import { EzklPanel } from '../components/EzklPanel.js';
import { EnginePanel } from '../components/EnginePanel.js';
import { ValidatorServicesSettings, type ServicesPatch } from '../components/ValidatorServicesSettings.js';
import { MinerMetricsSettings } from '../components/MinerMetricsSettings.js';
import { FieldErrorsContext, fieldErrorsFrom } from '../components/settings-field-errors.js';
import { CoreCallError } from '../transport/transport.js';

type Draft = Omit<Settings, 'version'>;

const parseNativePaths = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.split('='))
      .filter((parts) => parts.length >= 2 && parts[0].trim())
      .map(([name, ...rest]) => [name.trim(), rest.join('=').trim()]),
  );

/** Every setting of the core, saved in one validated update; the core's error names the bad field. */
export function SettingsPage() {
  const settings = useQuery('settings.get', {});
  const info = useQuery('app.info', {});
  const save = useAction('settings.update');
  const [draft, setDraft] = useState<Draft>();
  const [nativePaths, setNativePaths] = useState('');
  const [changes, setChanges] = useState<'none' | 'unsaved' | 'saved'>('none');
  const fieldErrors = useMemo(
    () => fieldErrorsFrom(save.error instanceof CoreCallError ? save.error.issues : []),
    [save.error],
  );

  // A refused save moves the keyboard to the first field (in page order) the core named, where its reason is.
  useEffect(() => {
    if (Object.keys(fieldErrors).length === 0) return;
    document.querySelector<HTMLElement>('.settings [aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  useEffect(() => {
    if (!settings.data) return;
    const { version: _version, ...rest } = settings.data;
    setDraft(rest);
    setNativePaths(
      Object.entries(rest.prover.nativePaths)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
    );
  }, [settings.data]);

  if (!draft) {
    return (
      <Page title="Settings">
        <ErrorNote error={settings.error} onRetry={settings.reload} />
        {settings.loading && <Loading what="settings" />}
      </Page>
    );
  }

  const patch = <K extends keyof Draft>(key: K, value: Partial<Draft[K]>) => {
    setChanges('unsaved');
    setDraft((d) =>
      d
        ? {
            ...d,
            [key]: typeof value === 'object' && value !== null ? { ...(d[key] as object), ...value } : value,
          }
        : d,
    );
  };
  const patchValidator = (p: ServicesPatch) => {
    setChanges('unsaved');
    setDraft((d) =>
      d
        ? {
            ...d,
            validator: {
              externalApi: { ...d.validator.externalApi, ...p.externalApi },
              prometheus: { ...d.validator.prometheus, ...p.prometheus },
              proofPublishing: { ...d.validator.proofPublishing, ...p.proofPublishing },
            },
          }
        : d,
    );
  };
  const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));

  return (
    <Page title="Settings">
      <form
        className="settings"
        onSubmit={async (e) => {
          e.preventDefault();
          // Emptied optional fields are sent as null so the core clears them instead of keeping the old value.
          const out = await save.run({
            ...draft,
            chainEndpoint: draft.chainEndpoint ?? null,
            netuid: draft.netuid ?? null,
            wallet: { ...draft.wallet, path: draft.wallet.path ?? null },
            axon: { ...draft.axon, externalIp: draft.axon.externalIp ?? null },
            prover: {
              ...draft.prover,
              cpuLimit: draft.prover.cpuLimit ?? null,
              nativePaths: parseNativePaths(nativePaths),
            },
            validator: {
              ...draft.validator,
              proofPublishing: {
                ...draft.validator.proofPublishing,
                url: draft.validator.proofPublishing.url ?? null,
              },
            },
          });
          if (out) {
            settings.set(() => out);
            setChanges('saved');
          }
        }}
      >
        <div className="settings-actions">
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={save.pending}>
              {save.pending ? 'Saving…' : 'Save settings'}
            </button>
            <span role="status" className={changes === 'saved' ? 'text-ok' : 'muted'}>
              {!save.pending && changes === 'saved' && 'Saved.'}
              {!save.pending && changes === 'unsaved' && 'Unsaved changes.'}
            </span>
          </div>
          <ErrorNote error={save.error} />
          {Object.keys(fieldErrors).length > 0 && (
            <p className="muted small">Nothing was saved: the fields marked below say what to change.</p>
          )}
        </div>
        <FieldErrorsContext.Provider value={fieldErrors}>
          <Card title="Network" id="settings-network">
            <Field label="Network" id="s-network">
              <select
                id="s-network"
                value={draft.network}
                onChange={(e) => patch('network', e.target.value as Draft['network'])}
              >
                {NETWORK_CHOICES.map((n) => (
                  <option key={n.network} value={n.network}>
                    {n.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label="Chain endpoint"
              id="s-endpoint"
              hint="ws:// or wss:// URL; overrides the network's default"
            >
              <input
                id="s-endpoint"
                type="url"
                value={draft.chainEndpoint ?? ''}
                onChange={(e) => patch('chainEndpoint', e.target.value || undefined)}
              />
            </Field>
            <Field label="Netuid" id="s-netuid" hint="empty = the network's SN2 netuid">
              <input
                id="s-netuid"
                type="number"
                min={0}
                value={draft.netuid ?? ''}
                onChange={(e) => patch('netuid', numberOrUndefined(e.target.value))}
              />
            </Field>
          </Card>
          <Card title="Wallet" id="settings-wallet">
            <Field label="Wallet name" id="s-wallet">
              <input
                id="s-wallet"
                value={draft.wallet.name}
                onChange={(e) => patch('wallet', { name: e.target.value })}
              />
            </Field>
            <Field label="Hotkey" id="s-hotkey">
              <input
                id="s-hotkey"
                value={draft.wallet.hotkey}
                onChange={(e) => patch('wallet', { hotkey: e.target.value })}
              />
            </Field>
            <Field label="Wallets folder" id="s-wallet-path" hint="empty = ~/.bittensor/wallets">
              <input
                id="s-wallet-path"
                value={draft.wallet.path ?? ''}
                onChange={(e) => patch('wallet', { path: e.target.value || undefined })}
              />
            </Field>
          </Card>
          <Card title="Axon" id="settings-axon">
            <Field label="Port" id="s-axon-port">
              <input
                id="s-axon-port"
                type="number"
                min={1025}
                max={65534}
                value={draft.axon.port}
                onChange={(e) => patch('axon', { port: Number(e.target.value) })}
              />
            </Field>
            <Field label="External IP" id="s-external-ip" hint="empty = detected automatically">
              <input
                id="s-external-ip"
                value={draft.axon.externalIp ?? ''}
                onChange={(e) => patch('axon', { externalIp: e.target.value || undefined })}
              />
            </Field>
          </Card>
          <Card title="Protocol and engine" id="settings-engine">
            <Field
              label="Protocol"
              id="s-protocol"
              hint="auto = read from the chain; 2026 runs the official sn2-miner; Practice is always v10"
            >
              <select
                id="s-protocol"
                value={draft.mining.protocol}
                onChange={(e) => patch('mining', { protocol: e.target.value as Draft['mining']['protocol'] })}
              >
                <option value="auto">auto</option>
                <option value="v10">v10</option>
                <option value="2026">2026</option>
              </select>
            </Field>
            <Field label="sn2-miner log level" id="s-engine-log">
              <select
                id="s-engine-log"
                value={draft.engine.logLevel}
                onChange={(e) => patch('engine', { logLevel: e.target.value as Draft['engine']['logLevel'] })}
              >
                {(['error', 'warn', 'info', 'debug'] as const).map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </Field>
            <EnginePanel />
          </Card>
          <Card title="Proving" id="settings-prover">
            <Field label="CPU limit (proof workers)" id="s-cpu" hint="empty = one per core">
              <input
                id="s-cpu"
                type="number"
                min={1}
                max={256}
                value={draft.prover.cpuLimit ?? ''}
                onChange={(e) => patch('prover', { cpuLimit: numberOrUndefined(e.target.value) })}
              />
            </Field>
            <Check
              id="s-native"
              label="Prefer native provers when installed"
              checked={draft.prover.preferNative}
              onChange={(v) => patch('prover', { preferNative: v })}
            />
            <Field
              label="Native prover paths"
              id="s-native-paths"
              hint="one per line: name=/path/to/executable"
            >
              <textarea
                id="s-native-paths"
                rows={3}
                value={nativePaths}
                onChange={(e) => {
                  setChanges('unsaved');
                  setNativePaths(e.target.value);
                }}
              />
            </Field>
            <Check
              id="s-idle"
              label="Mine only while the computer is idle (never pauses a proof mid-way)"
              checked={draft.mining.idleOnly}
              onChange={(v) => patch('mining', { idleOnly: v })}
            />
            {draft.mining.idleOnly && (
              <Field
                label="Idle after (minutes without keyboard or mouse)"
                id="s-idle-threshold"
                hint="new proofs pause while you use the computer and resume once it has been idle this long"
              >
                <input
                  id="s-idle-threshold"
                  type="number"
                  min={1}
                  max={1440}
                  value={Math.round(draft.mining.idleThresholdSeconds / 60)}
                  onChange={(e) => patch('mining', { idleThresholdSeconds: Number(e.target.value) * 60 })}
                />
              </Field>
            )}
            <MinerMetricsSettings
              value={draft.mining.prometheus}
              onChange={(prometheus) => patch('mining', { prometheus })}
            />
            <EzklPanel configuredPath={settings.data?.prover.nativePaths.ezkl} />
          </Card>
          <ValidatorServicesSettings value={draft.validator} onChange={patchValidator} />
          <Card title="Updates" id="settings-updates">
            <Field label="Update channel" id="s-channel" hint="beta gets pre-releases first">
              <select
                id="s-channel"
                value={draft.app.updateChannel}
                onChange={(e) => patch('app', { updateChannel: e.target.value as 'stable' | 'beta' })}
              >
                <option value="stable">Stable</option>
                <option value="beta">Beta</option>
              </select>
            </Field>
            <UpdatePanel channel={settings.data?.app.updateChannel ?? draft.app.updateChannel} />
          </Card>
          <Card title="App" id="settings-app">
            <Check
              id="s-login"
              label="Start when I log in"
              checked={draft.app.runAtLogin}
              onChange={(v) => patch('app', { runAtLogin: v })}
            />
            <Check
              id="s-minimized"
              label="Start minimised to the tray"
              checked={draft.app.startMinimized}
              onChange={(v) => patch('app', { startMinimized: v })}
            />
            <Check
              id="s-notify"
              label="Notifications (registration, failing proofs, updates)"
              checked={draft.app.notifications}
              onChange={(v) => patch('app', { notifications: v })}
            />
            <p className="muted">
              Data folder: <span className="mono">{info.data?.dataDir ?? '…'}</span> · logs folder:{' '}
              <span className="mono">{info.data ? `${info.data.dataDir}/logs` : '…'}</span>. To move them,
              start the app with the environment variable SN2_HOME set to another folder.
            </p>
          </Card>
        </FieldErrorsContext.Provider>
      </form>
    </Page>
  );
}
