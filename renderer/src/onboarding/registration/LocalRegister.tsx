import { useState } from 'react';
import type { CommandOutput } from '../../../../core/contract/index.js';
import { useAction } from '../../state/use-action.js';
import { useQuery } from '../../state/use-query.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { Loading } from '../../components/Card.js';
import { RegistrationSummary, cannotAfford } from './RegistrationSummary.js';

/**
 * Registration paid by the wallet's own coldkey: the password unlocks it in the core for this one call;
 * the exact burn the user saw goes with the request, so the core refuses if the price rose meanwhile.
 */
export function LocalRegister({
  onRegistered,
}: {
  onRegistered: (result: CommandOutput<'chain.register'>) => void;
}) {
  const cost = useQuery('chain.registrationCost', {});
  const register = useAction('chain.register');
  const [password, setPassword] = useState('');
  const [agreed, setAgreed] = useState(false);
  const c = cost.data;

  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (!c || !agreed) return;
        const out = await register.run({ password, confirmBurnRao: c.burnRao });
        setPassword('');
        if (out) onRegistered(out);
        // A refused price (it rose) needs a fresh quote and a fresh confirmation.
        else {
          setAgreed(false);
          cost.reload();
        }
      }}
    >
      <ErrorNote error={cost.error} onRetry={cost.reload} />
      {cost.loading && <Loading what="the current registration cost" />}
      {c && (
        <>
          <RegistrationSummary cost={c} payer="your coldkey" agreed={agreed} onAgree={setAgreed} />
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
        </>
      )}
      <ErrorNote error={register.error} />
      <div className="button-row">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!c || !agreed || register.pending || cannotAfford(c)}
        >
          {register.pending ? 'Registering…' : 'Register'}
        </button>
      </div>
    </form>
  );
}
