import type { CommandOutput } from '../../../../core/contract/index.js';
import { formatTao } from '../../format.js';

export type RegistrationCost = CommandOutput<'chain.registrationCost'>;

/** True when the coldkey cannot pay the burn plus the fee (unknown balance: let the core decide). */
export const cannotAfford = (c: RegistrationCost): boolean =>
  c.balanceTao !== null && c.balanceTao < c.burnTao + c.feeTao;

/**
 * The live price, the balance that pays it and what registering does, followed by the explicit
 * confirmation the user must tick.
 */
export function RegistrationSummary({
  cost,
  payer,
  agreed,
  onAgree,
}: {
  cost: RegistrationCost;
  /** Who pays, in words ("your coldkey", an extension account's name). */
  payer: string;
  agreed: boolean;
  onAgree: (agreed: boolean) => void;
}) {
  return (
    <div className="registration-summary">
      <dl className="details">
        <div>
          <dt>Cost now</dt>
          <dd data-testid="burn-cost">{formatTao(cost.burnTao)} burned</dd>
        </div>
        <div>
          <dt>Fee</dt>
          <dd>{cost.feeTao > 0 ? `about ${formatTao(cost.feeTao)}` : 'none'}</dd>
        </div>
        <div>
          <dt>Balance</dt>
          <dd data-testid="payer-balance">
            {formatTao(cost.balanceTao)} ({payer})
          </dd>
        </div>
        <div>
          <dt>Hotkey</dt>
          <dd className="mono" data-testid="register-hotkey">
            {cost.hotkey}
          </dd>
        </div>
      </dl>
      <p>
        What happens: {payer} pays {formatTao(cost.burnTao)} (burned, not refunded) to register your hotkey on
        subnet {cost.netuid}. The hotkey gets a uid and can mine right away. The price moves with demand: if
        it rises before the transaction goes in, nothing is sent and you are asked to confirm the new price.
      </p>
      {cannotAfford(cost) && (
        <p className="note note-warn" role="status">
          The balance is below the cost plus the fee: add TAO to {payer} first.
        </p>
      )}
      <div className="check">
        <input id="r-agree" type="checkbox" checked={agreed} onChange={(e) => onAgree(e.target.checked)} />
        <label htmlFor="r-agree">
          I understand that {formatTao(cost.burnTao)} is burned and not refunded.
        </label>
      </div>
    </div>
  );
}
