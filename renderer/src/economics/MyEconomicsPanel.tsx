import { Card, Loading } from '../components/Card.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { useQuery } from '../state/use-query.js';
import { PERCENTILES, alpha, daysText, hoursText, taoApprox } from './format-economics.js';
import { formatNumber } from '../format.js';

/**
 * The Mining page's live economics: this hotkey's emission per day against the other miners, days
 * since registration against the payback at its current rate, and the immunity left.
 */
export function MyEconomicsPanel() {
  const settings = useQuery('settings.get', {});
  if (settings.data?.network === 'practice')
    return (
      <Card title="Earnings and payback" id="economics">
        <p className="muted" data-testid="econ-practice">
          Practice runs on a local chain where nothing is earned or burned: earnings and payback appear on
          Testnet and Mainnet.
        </p>
      </Card>
    );
  return settings.data ? <LiveEconomics /> : null;
}

function LiveEconomics() {
  const q = useQuery('economics.report', {});
  const r = q.data?.report;
  const me = q.data?.me;
  return (
    <Card
      title="Earnings and payback"
      id="economics"
      actions={
        <button type="button" className="btn btn-small" onClick={q.reload} disabled={q.loading}>
          Refresh
        </button>
      }
    >
      <ErrorNote error={q.error} onRetry={q.reload} />
      {q.loading && !r && <Loading what="this subnet's economics" />}
      {r && !me && (
        <p className="muted" data-testid="econ-not-registered">
          Your hotkey is not registered on subnet {r.netuid}: there are no earnings of yours to show. Miners
          there earn {PERCENTILES.map((p) => `${p} ${alpha(r.miners.perDayAlpha?.[p])}`).join(' · ')} per day
          now.
        </p>
      )}
      {r && me && (
        <dl className="details" data-testid="econ-me">
          <div>
            <dt>You earn</dt>
            <dd>
              {alpha(me.emissionAlphaPerDay)} per day ({taoApprox(me.emissionTaoPerDay)})
              <span className="basis muted small">
                Uid {me.uid}’s emission in the last epoch × {formatNumber(r.epochsPerDay, 1)} epochs per day.
                {me.rankAmongMiners === null
                  ? ' This uid validates (a permit and no incentive), so it is not ranked among miners.'
                  : ` More than ${formatNumber(me.rankAmongMiners * 100, 0)} % of the ${r.miners.count} miners; they earn ${PERCENTILES.map((p) => `${p} ${alpha(r.miners.perDayAlpha?.[p])}`).join(' · ')} per day.`}
                {me.emissionAlphaPerDay === 0 &&
                  ' Zero is normal at first: a new miner earns nothing until validators have scored enough of its answers.'}
              </span>
            </dd>
          </div>
          <div>
            <dt>Payback</dt>
            <dd>
              Registered {formatNumber(me.daysSinceRegistration, 1)} days ago (block {me.registeredAtBlock});
              payback at this rate: {daysText(me.paybackDays)}
              <span className="basis muted small">
                Today’s burn ({formatNumber(r.registration.burnTao)} TAO) ÷ your TAO per day at the pool
                price.
              </span>
            </dd>
          </div>
          <div>
            <dt>Immunity</dt>
            <dd>
              {me.immunityBlocksLeft > 0
                ? `${me.immunityBlocksLeft} blocks ≈ ${hoursText(me.immunityHoursLeft)} left`
                : 'ended: if the subnet is full and you earn the least, the next registration replaces you'}
              <span className="basis muted small">
                Registration block + ImmunityPeriod ({r.registration.immunityBlocks}) − block {r.block}.
              </span>
            </dd>
          </div>
        </dl>
      )}
    </Card>
  );
}
