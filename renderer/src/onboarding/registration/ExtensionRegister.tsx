import { useState } from 'react';
import type { CommandOutput } from '../../../../core/contract/index.js';
import { useCore } from '../../state/core-context.js';
import { useQuery } from '../../state/use-query.js';
import { ErrorNote } from '../../components/ErrorNote.js';
import { Loading } from '../../components/Card.js';
import { shortAddress } from '../../format.js';
import { RegistrationSummary, cannotAfford } from './RegistrationSummary.js';
import { connectExtensions, signWithExtension, type ExtensionAccount } from './extension-accounts.js';

type Phase = 'idle' | 'preparing' | 'signing' | 'submitting';
const PHASE_LABEL: Record<Phase, string> = {
  idle: 'Sign in the extension and register',
  preparing: 'Checking the price…',
  signing: 'Waiting for the extension…',
  submitting: 'Registering…',
};

/**
 * Registration paid by a browser-extension account (web UI only): the core prepares the exact
 * transaction, the extension signs it (the coldkey never reaches the core), the core submits it.
 */
export function ExtensionRegister({
  onRegistered,
}: {
  onRegistered: (result: CommandOutput<'chain.submitSigned'>) => void;
}) {
  const [accounts, setAccounts] = useState<ExtensionAccount[]>();
  const [connecting, setConnecting] = useState(false);
  const [address, setAddress] = useState<string>();
  const [error, setError] = useState<Error>();

  const connect = async () => {
    setConnecting(true);
    setError(undefined);
    try {
      const found = await connectExtensions();
      setAccounts(found);
      setAddress(found[0].address);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setConnecting(false);
    }
  };

  if (!accounts) {
    return (
      <div>
        <p>
          Pay with an account from a browser wallet extension. The extension signs the registration; the app
          never sees that account&apos;s key.
        </p>
        <ErrorNote error={error} />
        <div className="button-row">
          <button type="button" className="btn btn-primary" onClick={connect} disabled={connecting}>
            {connecting ? 'Connecting…' : 'Connect extension'}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <div className="field">
        <label htmlFor="r-account">Account that pays</label>
        <select id="r-account" value={address} onChange={(e) => setAddress(e.target.value)}>
          {accounts.map((a) => (
            <option key={a.address} value={a.address}>
              {a.name ?? shortAddress(a.address)} ({a.source}) {shortAddress(a.address)}
            </option>
          ))}
        </select>
      </div>
      {address && (
        <SignAndRegister
          key={address}
          account={accounts.find((a) => a.address === address)!}
          onRegistered={onRegistered}
        />
      )}
    </div>
  );
}

function SignAndRegister({
  account,
  onRegistered,
}: {
  account: ExtensionAccount;
  onRegistered: (result: CommandOutput<'chain.submitSigned'>) => void;
}) {
  const core = useCore();
  const cost = useQuery('chain.registrationCost', { coldkey: account.address });
  const [agreed, setAgreed] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<Error>();
  const c = cost.data;
  const payer = account.name ?? shortAddress(account.address);

  const register = async () => {
    if (!c) return;
    setError(undefined);
    try {
      setPhase('preparing');
      const prepared = await core.invoke('chain.prepareRegister', {
        coldkey: account.address,
        confirmBurnRao: c.burnRao,
      });
      setPhase('signing');
      const signature = await signWithExtension(account.address, prepared.payload);
      setPhase('submitting');
      onRegistered(await core.invoke('chain.submitSigned', { requestId: prepared.requestId, signature }));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      // The price may have moved: show the new one and ask again.
      setAgreed(false);
      cost.reload();
    } finally {
      setPhase('idle');
    }
  };

  return (
    <div>
      <ErrorNote error={cost.error} onRetry={cost.reload} />
      {cost.loading && !c && <Loading what="the current registration cost" />}
      {c && <RegistrationSummary cost={c} payer={payer} agreed={agreed} onAgree={setAgreed} />}
      <ErrorNote error={error} />
      <div className="button-row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={register}
          disabled={!c || !agreed || phase !== 'idle' || cannotAfford(c)}
        >
          {PHASE_LABEL[phase]}
        </button>
      </div>
    </div>
  );
}
