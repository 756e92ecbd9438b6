import { useState } from 'react';
import type { Network } from '../../../core/contract/index.js';
import { NetworkStep } from './NetworkStep.js';
import { CreateWallet } from './CreateWallet.js';
import { ExistingWallet, MnemonicImport } from './ImportWallet.js';
import { RegisterStep } from './RegisterStep.js';

const STEPS = ['Network', 'Wallet', 'Registration'] as const;
type WalletMode = 'create' | 'existing' | 'mnemonic';

/** First run: network → wallet → registration, then the hardware page. Each step saves as it goes. */
export function Onboarding({ onFinish, onSkip }: { onFinish: () => void; onSkip: () => void }) {
  const [step, setStep] = useState(0);
  const [network, setNetwork] = useState<Network>('practice');
  const [mode, setMode] = useState<WalletMode>('create');

  return (
    <div className="onboarding">
      <header className="page-header">
        <h1>Set up Subnet 2 Desktop</h1>
        <ol className="steps" aria-label="Setup steps">
          {STEPS.map((label, i) => (
            <li
              key={label}
              aria-current={i === step ? 'step' : undefined}
              className={i < step ? 'step-done' : undefined}
            >
              {label}
            </li>
          ))}
        </ol>
      </header>
      <section className="card" aria-labelledby="step-title">
        <h2 id="step-title">{STEPS[step]}</h2>
        {step === 0 && (
          <NetworkStep
            onDone={(n) => {
              setNetwork(n);
              setStep(1);
            }}
          />
        )}
        {step === 1 && (
          <>
            <div className="tabs" role="tablist" aria-label="How to get a wallet">
              {(
                [
                  ['create', 'Create new'],
                  ['existing', 'Use existing (btcli)'],
                  ['mnemonic', 'Restore from phrase'],
                ] as const
              ).map(([m, label]) => (
                <button
                  key={m}
                  type="button"
                  role="tab"
                  aria-selected={mode === m}
                  className={`tab ${mode === m ? 'tab-selected' : ''}`}
                  onClick={() => setMode(m)}
                >
                  {label}
                </button>
              ))}
            </div>
            <div role="tabpanel">
              {mode === 'create' && <CreateWallet onDone={() => setStep(2)} />}
              {mode === 'existing' && <ExistingWallet onDone={() => setStep(2)} />}
              {mode === 'mnemonic' && <MnemonicImport onDone={() => setStep(2)} />}
            </div>
          </>
        )}
        {step === 2 &&
          (network === 'practice' ? (
            <div>
              <p>
                Practice runs its own local chain and registers throwaway keys there when mining starts:
                nothing to register and no TAO spent.
              </p>
              <div className="button-row">
                <button type="button" className="btn btn-primary" onClick={onFinish}>
                  Continue
                </button>
              </div>
            </div>
          ) : (
            <RegisterStep onDone={onFinish} />
          ))}
      </section>
      <div className="button-row">
        {step > 0 && (
          <button type="button" className="btn" onClick={() => setStep(step - 1)}>
            Back
          </button>
        )}
        <button type="button" className="btn btn-link" onClick={onSkip}>
          Skip setup
        </button>
      </div>
    </div>
  );
}
