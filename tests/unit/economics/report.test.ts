import { describe, expect, it } from 'vitest';
import { economicsReport } from '../../../core/economics/index.js';
import { myPosition } from '../../../core/economics/my-position.js';
import { mainnetLike, neuron } from './snapshots.js';

describe('economics report on a fixed snapshot', () => {
  const r = economicsReport(mainnetLike());

  it('reports the miners’ emission in alpha and TAO with its basis', () => {
    expect(r.epochsPerDay).toBe(20);
    expect(r.price.taoPerAlpha).toBeCloseTo(0.05);
    expect(r.emission.minersAlphaPerDay).toBeCloseTo(2952);
    expect(r.emission.minersTaoPerDay).toBeCloseTo(147.6);
    expect(r.emission.minerShare).toBeCloseTo(0.41);
    // 20.5 alpha per epoch paid to the 10 miners × 20
    expect(r.emission.paidLastEpochAlphaPerDay).toBeCloseTo(410);
    expect(r.emission.basis).toMatch(/alpha_out_emission/);
  });

  it('reports the distribution in alpha and in TAO', () => {
    expect(r.miners).toMatchObject({ count: 10, earning: 8, zero: 2 });
    expect(r.miners.perDayTao?.p50).toBeCloseTo(35 * 0.05);
  });

  it('reports registration terms: burn, range, immunity in hours, the replacement rule as an assumption', () => {
    expect(r.registration).toMatchObject({
      burnRao: '1000000000',
      burnTao: 1,
      minBurnTao: 0.5,
      maxBurnTao: 100,
    });
    expect(r.registration.immunityHours).toBeCloseTo((5000 * 12) / 3600);
    expect(r.registration.burnMoves).toMatch(/every 360 blocks.*TargetRegistrationsPerInterval/);
    expect(r.registration.replacementRule).toMatch(/245 of 256 uids are free/);
    expect(r.registration.replacementRuleIsAssumption).toBe(true);
  });

  it('gives payback per percentile and the warm-up framing', () => {
    expect(r.payback.p50).toBeCloseTo(1 / 1.75);
    expect(r.warmUp).toMatchObject({ minSamples: 100, windowBlocks: 7200, windowHours: 24 });
    expect(r.warmUp.immunityCoversWindow).toBe(false);
    expect(r.risks[0]).toBe('A new miner starts at zero: 2 of 10 miners earn nothing now.');
  });

  it('describes a decaying burn (425-style runtimes)', () => {
    const decay = economicsReport(
      mainnetLike({
        burnSchedule: {
          kind: 'decay',
          minBurnRao: 10n ** 8n,
          maxBurnRao: 10n ** 11n,
          halfLifeBlocks: 360,
          increaseMult: '2',
        },
      }),
    );
    expect(decay.registration.burnMoves).toMatch(
      /decays every block.*BurnHalfLife 360 blocks ≈ 1\.2 h.*BurnIncreaseMult \(2\)/,
    );
  });
});

describe('edge cases', () => {
  it('a subnet where no miner earns: payback unknown with the reason, every miner counted as zero', () => {
    const r = economicsReport(mainnetLike({ neurons: [neuron(0, 50, true), neuron(1, 0), neuron(2, 0)] }));
    expect(r.miners).toMatchObject({ count: 2, earning: 0, zero: 2 });
    expect(r.payback).toMatchObject({
      p25: null,
      p90: null,
      unknownReason: expect.stringMatching(/earns nothing/),
    });
    expect(r.risks).toContain('A new miner starts at zero: 2 of 2 miners earn nothing now.');
  });

  it('a pool with zero liquidity: alpha figures stay, TAO figures are null and the risk says why', () => {
    const r = economicsReport(mainnetLike({ taoInRao: 0n }));
    expect(r.price.taoPerAlpha).toBeNull();
    expect(r.price.basis).toMatch(/no price/);
    expect(r.emission.minersAlphaPerDay).toBeCloseTo(2952);
    expect(r.emission.minersTaoPerDay).toBeNull();
    expect(r.miners.perDayTao).toBeNull();
    expect(r.payback.unknownReason).toMatch(/no liquidity/);
    expect(r.risks.join(' ')).toMatch(/no liquidity/);
  });

  it('immunity longer than the data window: covered, and no early-replacement risk', () => {
    const r = economicsReport(mainnetLike({ immunityPeriod: 10_000, subnetworkN: 256 }));
    expect(r.warmUp.immunityCoversWindow).toBe(true);
    expect(r.risks.join(' ')).not.toMatch(/before one full scoring window/);
  });

  it('immunity shorter than the data window on a full subnet: the early-replacement risk', () => {
    const r = economicsReport(mainnetLike({ subnetworkN: 256 }));
    expect(r.registration.replacementRule).toMatch(/^All 256 uids are taken/);
    expect(r.risks.join(' ')).toMatch(/Immunity \(16\.7 h\) ends before one full scoring window \(24\.0 h\)/);
  });

  it('a subnet with no miners and closed registration', () => {
    const r = economicsReport(mainnetLike({ neurons: [neuron(0, 1, true)], registrationAllowed: false }));
    expect(r.miners.perDayAlpha).toBeNull();
    expect(r.payback.unknownReason).toMatch(/no miners/);
    expect(r.risks[0]).toMatch(/Registration is closed/);
  });
});

describe('my position once registered', () => {
  const s = mainnetLike();
  const r = economicsReport(s);

  it('compares my emission with the miners, payback at my rate, immunity left', () => {
    const me = myPosition(s, r, 'hot-6', s.block - 1200);
    expect(me).toMatchObject({ uid: 6, registeredAtBlock: s.block - 1200, immunityBlocksLeft: 3800 });
    expect(me?.emissionAlphaPerDay).toBeCloseTo(40);
    expect(me?.emissionTaoPerDay).toBeCloseTo(2);
    expect(me?.rankAmongMiners).toBeCloseTo(0.5);
    expect(me?.daysSinceRegistration).toBeCloseTo((1200 * 12) / 86_400);
    expect(me?.paybackDays).toBeCloseTo(0.5);
    expect(me?.immunityHoursLeft).toBeCloseTo((3800 * 12) / 3600);
  });

  it('a miner that earns nothing yet has no payback; immunity never goes negative', () => {
    const me = myPosition(s, r, 'hot-1', s.block - 9000);
    expect(me).toMatchObject({
      paybackDays: null,
      immunityBlocksLeft: 0,
      immunityHoursLeft: 0,
      rankAmongMiners: 0,
    });
  });

  it('a validator has no miner rank; an unregistered hotkey has no position', () => {
    expect(myPosition(s, r, 'hot-0', s.block)?.rankAmongMiners).toBeNull();
    expect(myPosition(s, r, 'someone-else', s.block)).toBeNull();
  });
});
