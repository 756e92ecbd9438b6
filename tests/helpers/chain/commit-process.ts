/**
 * Commits CR v2 weights from its own process and then waits to be killed, for the kill -9 test: the
 * reveal data must already be on disk when the commit is on chain.
 *
 *   node --import tsx tests/helpers/chain/commit-process.ts '{"endpoint","netuid","uri","revealsPath","uids","weights"}'
 *
 * Prints `{"type":"committed","hash","block"}` once included, `{"type":"fatal","error"}` on failure.
 */
import { z } from 'zod';
import { Keypair } from '../../../core/bittensor/keys/index.js';
import { submitWeights } from '../../../core/chain/actions/weights.js';
import { ChainClient } from '../../../core/chain/client.js';
import { chainSignerFromKey } from '../../../core/chain/signer.js';
import { PendingRevealStore } from '../../../core/chain/weights/pending-reveals.js';
import { WEIGHTS_VERSION } from '../../../core/sn2/constants.js';

const ConfigSchema = z.object({
  endpoint: z.string(),
  netuid: z.number().int(),
  uri: z.string(),
  revealsPath: z.string(),
  uids: z.array(z.number().int()),
  weights: z.array(z.number()),
});

const say = (obj: object) => process.stdout.write(`${JSON.stringify(obj)}\n`);

async function main(): Promise<void> {
  const c = ConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const client = await ChainClient.connect(c.endpoint, { healthIntervalMs: 0 });
  const key = await Keypair.fromUri(c.uri);
  const outcome = await submitWeights(client.api, {
    netuid: c.netuid,
    hotkey: chainSignerFromKey(key, client.api.registry),
    uids: c.uids,
    weights: c.weights,
    versionKey: BigInt(WEIGHTS_VERSION),
    reveals: new PendingRevealStore(c.revealsPath),
  });
  if (outcome.method !== 'commit') throw new Error(`expected a commit, got ${outcome.method}`);
  say({ type: 'committed', hash: outcome.pending.hash, block: outcome.block });
  await new Promise(() => undefined);
}

main().catch((err: unknown) => {
  say({ type: 'fatal', error: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
