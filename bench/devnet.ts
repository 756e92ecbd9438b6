/**
 * Devnet figures: raw-genesis build, chopsticks start, subnet bootstrap, per-extrinsic latency
 * (submit → in block), dev_newBlock and dev_setHead. Run: npm run bench:devnet [-- --runs 5].
 * Needs the spec-293 fixture ($SUBTENSOR_SPEC or --spec PATH).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevnet } from '../core/chain/devnet/start-devnet.js';
import { bootstrapSubnet } from '../core/chain/devnet/bootstrap.js';
import { devKey } from '../core/chain/devnet/dev-keys.js';
import { chainSignerFromKey } from '../core/chain/signer.js';
import { submitExtrinsic } from '../core/chain/submit.js';
import { TAO } from '../core/chain/units.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('runs') ?? 5);
const specPath = arg('spec') ?? process.env.SUBTENSOR_SPEC;
const ms = (t0: number) => Math.round(performance.now() - t0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows: Array<[string, string]> = [];
const record = (label: string, values: number[]) => {
  rows.push([
    label,
    values.length === 1
      ? `${values[0]} ms`
      : `median ${median(values)} ms (min ${Math.min(...values)}, max ${Math.max(...values)}, n=${values.length})`,
  ]);
  console.log(label.padEnd(44), rows.at(-1)![1]);
};

const cacheDir = mkdtempSync(join(tmpdir(), 'sn2-bench-devnet-'));
try {
  let devnet = await startDevnet({ specPath, cacheDir });
  record('start, cold (builds raw genesis)', [Math.round(devnet.startMs)]);
  await devnet.close();
  const warm: number[] = [];
  for (let i = 0; i < 2; i++) {
    devnet = await startDevnet({ specPath, cacheDir });
    warm.push(Math.round(devnet.startMs));
    if (i < 1) await devnet.close();
  }
  record('start, cached genesis (to connected API)', warm);

  let t0 = performance.now();
  const subnet = await bootstrapSubnet(devnet, { tempo: 5, miners: 2, validators: 1 });
  record('bootstrapSubnet (2 miners, 1 validator, permit)', [ms(t0)]);
  const api = devnet.api;
  const mark = await devnet.head();
  const as = (pair: Parameters<typeof chainSignerFromKey>[0]) => chainSignerFromKey(pair, api.registry);
  const bob = await devKey('//Bob');
  const dave = (await devKey('//Dave')).address;
  const vali = subnet.validators[0];
  const miner = subnet.miners[0];

  const measure = async (label: string, make: (i: number) => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await devnet.setHead(mark);
      t0 = performance.now();
      await make(i);
      times.push(ms(t0));
    }
    record(label, times);
  };
  await measure('transfer_keep_alive', () =>
    submitExtrinsic(api, api.tx.balances.transferKeepAlive(dave, TAO), as(bob)),
  );
  await measure('serve_axon', (i) =>
    submitExtrinsic(
      api,
      api.tx.subtensorModule.serveAxon(subnet.netuid, 1, 167772161 + i, 8091, 4, 4, 0, 0),
      as(miner.hotkey),
    ),
  );
  await measure('set_weights', () =>
    submitExtrinsic(
      api,
      api.tx.subtensorModule.setWeights(subnet.netuid, [miner.uid], [65535], 0),
      as(vali.hotkey),
    ),
  );
  await measure('burned_register', async (i) =>
    submitExtrinsic(
      api,
      api.tx.subtensorModule.burnedRegister(subnet.netuid, (await devKey(`//Bob//bench-${i}`)).address),
      as(bob),
    ),
  );
  await measure('dev_newBlock (1 block)', () => devnet.newBlocks(1));
  const setHead: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    await devnet.setHead(mark);
    setHead.push(ms(t0));
  }
  record('dev_setHead', setHead);
  await devnet.close();
  console.log(`\n${rows.map(([l, v]) => `| ${l} | ${v} |`).join('\n')}`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
process.exit(0);
