import { useState } from 'react';
import { useAction } from '../state/use-action.js';
import { useQuery } from '../state/use-query.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { Loading } from '../components/Card.js';
import { shortAddress } from '../format.js';

type Chosen = { name: string; hotkey: string };

/** Use a wallet btcli already created in ~/.bittensor/wallets. */
export function ExistingWallet({ onDone }: { onDone: (wallet: Chosen) => void }) {
  const wallets = useQuery('wallet.list', {});
  const select = useAction('settings.update');
  const [chosen, setChosen] = useState<string>();
  const pairs = (wallets.data ?? []).flatMap((w) =>
    w.hotkeys.map((h) => ({ key: `${w.name}/${h.name}`, wallet: w, hotkey: h })),
  );
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const pair = pairs.find((p) => p.key === chosen);
        if (!pair) return;
        const out = await select.run({ wallet: { name: pair.wallet.name, hotkey: pair.hotkey.name } });
        if (out) onDone({ name: pair.wallet.name, hotkey: pair.hotkey.name });
      }}
    >
      <ErrorNote error={wallets.error} onRetry={wallets.reload} />
      {wallets.loading && <Loading what="wallets" />}
      {wallets.data && pairs.length === 0 && (
        <p className="empty">No wallet with a hotkey found in the wallets folder.</p>
      )}
      {pairs.length > 0 && (
        <fieldset className="choices">
          <legend>Wallet and hotkey</legend>
          {pairs.map((p) => (
            <label key={p.key} className={`choice ${chosen === p.key ? 'choice-selected' : ''}`}>
              <input
                type="radio"
                name="existing"
                value={p.key}
                checked={chosen === p.key}
                onChange={() => setChosen(p.key)}
              />
              <span>
                <strong>{p.key}</strong>
                <span className="muted mono small">
                  {' '}
                  coldkey {shortAddress(p.wallet.coldkeyAddress)} · hotkey {shortAddress(p.hotkey.address)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <ErrorNote error={select.error} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={!chosen || select.pending}>
          Use this wallet
        </button>
      </div>
    </form>
  );
}

/** Restore a coldkey or hotkey from its recovery phrase. */
export function MnemonicImport({ onDone }: { onDone: (wallet: Chosen) => void }) {
  const importKey = useAction('wallet.import');
  const select = useAction('settings.update');
  const [name, setName] = useState('default');
  const [hotkey, setHotkey] = useState('default');
  const [key, setKey] = useState<'coldkey' | 'hotkey'>('coldkey');
  const [mnemonic, setMnemonic] = useState('');
  const [password, setPassword] = useState('');
  const [imported, setImported] = useState<string[]>([]);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const out = await importKey.run({
          name,
          key,
          mnemonic: mnemonic.trim(),
          ...(key === 'hotkey' ? { hotkey } : {}),
          ...(key === 'coldkey' ? { password } : {}),
        });
        if (!out) return;
        setMnemonic('');
        setPassword('');
        setImported((prev) => [...prev, `${key} ${out.address}`]);
      }}
    >
      <fieldset className="inline-choices">
        <legend>Key to restore</legend>
        {(['coldkey', 'hotkey'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="import-key" checked={key === k} onChange={() => setKey(k)} /> {k}
          </label>
        ))}
      </fieldset>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="i-name">Wallet name</label>
          <input id="i-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        {key === 'hotkey' ? (
          <div className="field">
            <label htmlFor="i-hotkey">Hotkey name</label>
            <input id="i-hotkey" required value={hotkey} onChange={(e) => setHotkey(e.target.value)} />
          </div>
        ) : (
          <div className="field">
            <label htmlFor="i-password">New coldkey password</label>
            <input
              id="i-password"
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor="i-mnemonic">Recovery phrase</label>
        <textarea
          id="i-mnemonic"
          rows={3}
          required
          autoComplete="off"
          spellCheck={false}
          value={mnemonic}
          onChange={(e) => setMnemonic(e.target.value)}
        />
      </div>
      <ErrorNote error={importKey.error ?? select.error} />
      {imported.length > 0 && (
        <ul className="checks">
          {imported.map((line) => (
            <li key={line} className="check-ok">
              ✓ Restored {line}
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="submit" className="btn" disabled={importKey.pending}>
          Restore {key}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={imported.length === 0 || select.pending}
          onClick={async () => {
            const out = await select.run({ wallet: { name, hotkey } });
            if (out) onDone({ name, hotkey });
          }}
        >
          Use {name}/{hotkey}
        </button>
      </div>
    </form>
  );
}
