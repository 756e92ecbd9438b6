import { useState } from 'react';
import { useAction } from '../state/use-action.js';
import { useQuery } from '../state/use-query.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { Loading } from '../components/Card.js';
import { formatTao } from '../format.js';

/**
 * Registration burns TAO: the live cost is shown, the user ticks an explicit confirmation, and the
 * exact burn they saw is sent with the request so the core refuses if the price moved meanwhile.
 */
export function RegisterStep({ onDone }: { onDone: () => void }) {
  const cost = useQuery('chain.registrationCost', {});
  const register = useAction('chain.register');
  const [password, setPassword] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [uid, setUid] = useState<number>();
  const c = cost.data;
  const short = c && c.balanceTao !== null && c.balanceTao < c.burnTao;

  if (uid !== undefined) {
    return (
      <div>
        <p className="note note-ok" role="status">
          Registered with uid {uid}.
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
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (!c || !agreed) return;
        const out = await register.run({ password, confirmBurnRao: c.burnRao });
        setPassword('');
        if (out) setUid(out.uid);
      }}
    >
      <ErrorNote error={cost.error} onRetry={cost.reload} />
      {cost.loading && <Loading what="the current registration cost" />}
      {c && (
        <>
          <p>
            Registering your hotkey on netuid {c.netuid} burns <strong>{formatTao(c.burnTao)}</strong> right
            now (the price moves with demand). Your coldkey balance:{' '}
            <strong>{formatTao(c.balanceTao)}</strong>.
          </p>
          {short && (
            <p className="note note-warn">The balance is below the cost: add TAO to the coldkey first.</p>
          )}
          <div className="field">
            <label htmlFor="r-password">Coldkey password</label>
            <input
              id="r-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <div className="check">
            <input
              id="r-agree"
              type="checkbox"
              checked={agreed}
              onChange={(e) => setAgreed(e.target.checked)}
            />
            <label htmlFor="r-agree">
              I understand that {formatTao(c.burnTao)} is burned and not refunded.
            </label>
          </div>
        </>
      )}
      <ErrorNote error={register.error} />
      <div className="button-row">
        <button type="button" className="btn" onClick={onDone}>
          Skip for now
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!c || !agreed || register.pending || Boolean(short)}
        >
          {register.pending ? 'Registering…' : 'Register'}
        </button>
      </div>
    </form>
  );
}
