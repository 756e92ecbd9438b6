import { useMemo, useState } from 'react';
import type { CommandOutput } from '../../../core/contract/index.js';
import { useAction } from '../state/use-action.js';
import { ErrorNote } from '../components/ErrorNote.js';

type Created = CommandOutput<'wallet.create'>;

/** Two distinct word positions (1-based) to ask back, so the user proves the phrase was written down. */
function pickPositions(count: number): [number, number] {
  const a = 1 + Math.floor(Math.random() * count);
  let b = 1 + Math.floor(Math.random() * (count - 1));
  if (b >= a) b += 1;
  return a < b ? [a, b] : [b, a];
}

/**
 * Create a coldkey + hotkey. The recovery phrases are shown once, then must be confirmed by typing two
 * of the coldkey's words back; they are dropped from memory when this step ends.
 */
export function CreateWallet({ onDone }: { onDone: (wallet: { name: string; hotkey: string }) => void }) {
  const create = useAction('wallet.create');
  const select = useAction('settings.update');
  const [name, setName] = useState('default');
  const [hotkey, setHotkey] = useState('default');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [words, setWords] = useState<12 | 24>(12);
  const [created, setCreated] = useState<Created>();

  if (created) {
    return (
      <ConfirmMnemonic
        created={created}
        onConfirmed={async () => {
          const out = await select.run({ wallet: { name, hotkey } });
          if (!out) return;
          setCreated(undefined);
          onDone({ name, hotkey });
        }}
        error={select.error}
      />
    );
  }

  const mismatch = repeat.length > 0 && password !== repeat;
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (password !== repeat) return;
        const out = await create.run({ name, hotkey, password, words });
        if (out) {
          setPassword('');
          setRepeat('');
          setCreated(out);
        }
      }}
    >
      <div className="grid-2">
        <div className="field">
          <label htmlFor="w-name">Wallet name</label>
          <input id="w-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="w-hotkey">Hotkey name</label>
          <input id="w-hotkey" required value={hotkey} onChange={(e) => setHotkey(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="w-password">Coldkey password</label>
          <input
            id="w-password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <small className="muted">
            Encrypts the coldkey file. It cannot be recovered: keep it with the phrase.
          </small>
        </div>
        <div className="field">
          <label htmlFor="w-repeat">Repeat password</label>
          <input
            id="w-repeat"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={mismatch}
            aria-describedby={mismatch ? 'w-repeat-error' : undefined}
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
          {mismatch && (
            <small id="w-repeat-error" className="text-error">
              The passwords differ.
            </small>
          )}
        </div>
      </div>
      <fieldset className="inline-choices">
        <legend>Recovery phrase length</legend>
        {([12, 24] as const).map((n) => (
          <label key={n}>
            <input type="radio" name="words" checked={words === n} onChange={() => setWords(n)} /> {n} words
          </label>
        ))}
      </fieldset>
      <ErrorNote error={create.error} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={create.pending || mismatch}>
          {create.pending ? 'Creating…' : 'Create wallet'}
        </button>
      </div>
    </form>
  );
}

function ConfirmMnemonic({
  created,
  onConfirmed,
  error,
}: {
  created: Created;
  onConfirmed: () => void;
  error: Error | undefined;
}) {
  const coldWords = created.coldkeyMnemonic.trim().split(/\s+/);
  const positions = useMemo(() => pickPositions(coldWords.length), [coldWords.length]);
  const [stage, setStage] = useState<'show' | 'confirm'>('show');
  const [answers, setAnswers] = useState(['', '']);
  const [wrong, setWrong] = useState(false);

  if (stage === 'show') {
    return (
      <div>
        <p className="note note-warn" role="alert">
          Write these recovery phrases down on paper, in order, and keep them offline. They are shown only
          now. Anyone with the coldkey phrase controls your TAO.
        </p>
        <h3>Coldkey recovery phrase</h3>
        <p className="muted mono small">{created.coldkeyAddress}</p>
        <ol className="mnemonic" data-testid="coldkey-mnemonic">
          {coldWords.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ol>
        <h3>Hotkey recovery phrase</h3>
        <p className="muted mono small">{created.hotkeyAddress}</p>
        <ol className="mnemonic">
          {created.hotkeyMnemonic
            .trim()
            .split(/\s+/)
            .map((w, i) => (
              <li key={i}>{w}</li>
            ))}
        </ol>
        <div className="button-row">
          <button type="button" className="btn btn-primary" onClick={() => setStage('confirm')}>
            I have written them down
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const ok = positions.every(
          (p, i) => answers[i].trim().toLowerCase() === coldWords[p - 1].toLowerCase(),
        );
        setWrong(!ok);
        if (ok) onConfirmed();
      }}
    >
      <p>To check, type these words of your coldkey phrase.</p>
      <div className="grid-2">
        {positions.map((p, i) => (
          <div className="field" key={p}>
            <label htmlFor={`confirm-word-${i}`}>Word #{p}</label>
            <input
              id={`confirm-word-${i}`}
              autoComplete="off"
              spellCheck={false}
              required
              value={answers[i]}
              onChange={(e) => setAnswers(answers.map((a, j) => (j === i ? e.target.value : a)))}
            />
          </div>
        ))}
      </div>
      {wrong && (
        <p className="note note-error" role="alert">
          That does not match. Check your paper copy, or go back to see the phrase again.
        </p>
      )}
      <ErrorNote error={error} />
      <div className="button-row">
        <button type="button" className="btn" onClick={() => setStage('show')}>
          Show the phrase again
        </button>
        <button type="submit" className="btn btn-primary">
          Confirm
        </button>
      </div>
    </form>
  );
}
