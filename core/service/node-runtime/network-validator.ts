import { join } from 'node:path';
import { httpIpLookup, resolveExternalIp } from '../../chain/external-ip.js';
import { inputJsonSchema, validateInput } from '../../circuits/inputs/registry.js';
import { createProvingEngine } from '../../provers/engine.js';
import { validatorCircuits } from '../../validator/validator-circuits.js';
import { SINGLE_PROOF_OF_WEIGHTS_MODEL_ID } from '../../sn2/constants.js';
import { circuitCatalog } from '../../validator/api/circuit-catalog.js';
import { startValidatorServices } from './start-validator-services.js';
import { validatorChain } from '../../validator/chain-adapter.js';
import { engineVerifier } from '../../validator/response/engine-verifier.js';
import { POW_SCORING_WITNESS_PREFIX, poolWitnessCalculator } from '../../validator/scoring/witness.js';
import { Validator, type ValidatorOptions } from '../../validator/validator.js';
import type { Settings } from '../../contract/index.js';
import type { RunningNode } from './component-lifecycle.js';
import type { NetworkNodeContext } from './network-miner.js';
import { connectNetworkTarget, NodeSetupError, notRegisteredMessage } from './network-target.js';
import { v10Client } from '../../sn2/transport/v10-client.js';
import { tapEvents } from './tap-events.js';

/**
 * The real validator on finney/test/local/custom: the user's hotkey, the v10 loop over the network's
 * metagraph, scores persisted in `<data>/validator`, and — per settings — Prometheus metrics, the
 * external API and proof publishing around it.
 */
export async function startNetworkValidator(
  ctx: NetworkNodeContext,
  settings: Settings,
  progress: (detail: string) => void,
): Promise<RunningNode> {
  progress(`connecting to ${settings.network}…`);
  const t = await connectNetworkTarget(settings, ctx.emit);
  const cleanup: Array<() => Promise<void> | void> = [() => t.client.close()];
  const { emit, events } = tapEvents(ctx.emit);
  try {
    const chain = validatorChain(
      t.client.api,
      t.netuid,
      t.hotkey,
      join(ctx.paths.validator, `pending-reveals-${t.network}-${t.netuid}.json`),
    );
    const meta = await chain.metagraph();
    if (!meta.neurons.some((n) => n.hotkey === t.hotkey.address))
      throw new NodeSetupError(await notRegisteredMessage(t, settings, 'validator'));
    progress('loading circuits and verifiers…');
    const engine = await createProvingEngine({
      paths: ctx.paths,
      prover: settings.prover,
      logger: ctx.logger,
    });
    cleanup.unshift(() => engine.close());
    const store = engine.store;
    const circuits = await validatorCircuits(store, engine.prover, false);
    if (circuits.size === 0)
      throw new NodeSetupError(
        'no SN2 circuit can be verified on this machine yet: download the circuits first (Hardware → Circuits, or "sn2 circuits fetch")',
      );
    const pow = await store.ensure(SINGLE_PROOF_OF_WEIGHTS_MODEL_ID, { roles: ['verify'] });
    const transport = v10Client(t.hotkey);
    cleanup.unshift(() => transport.close());
    // Set once the publisher exists (it starts after the validator, which it needs for the queue).
    const sink: { publish?: ValidatorOptions['onRealWorldProof'] } = {};
    const validator = new Validator({
      netuid: t.netuid,
      hotkey: t.hotkey.address,
      chain,
      client: transport,
      circuits,
      verify: engineVerifier(engine.prover),
      witness: poolWitnessCalculator(engine.pool, pow['circuit.wasm'], POW_SCORING_WITNESS_PREFIX),
      statePath: join(ctx.paths.validator, `state-${t.network}-${t.netuid}.json`),
      emit,
      onRealWorldProof: (p) => sink.publish?.(p),
    });
    progress('syncing the metagraph…');
    await validator.start();
    cleanup.unshift(() => validator.stop());
    const v = settings.validator;
    const needsIp = v.externalApi.enabled;
    const externalIp = needsIp
      ? await resolveExternalIp(settings.axon.externalIp, httpIpLookup())
      : '127.0.0.1';
    const services = await startValidatorServices({
      settings,
      certDir: ctx.paths.cert,
      externalIp,
      api: t.client.api,
      hotkey: t.hotkey,
      netuid: t.netuid,
      queue: validator.external,
      catalog: circuitCatalog(store, inputJsonSchema, validateInput),
      events,
      logger: ctx.logger,
    });
    const publisher = services.publisher;
    if (publisher) sink.publish = (p) => void publisher.publish(p);
    // Services close before the validator stops (external waiters are answered or refused first).
    cleanup.unshift(() => services.close());
    const extras = [
      services.externalApi ? `external API on :${v.externalApi.port}` : '',
      services.publisher ? 'proof publishing on' : '',
      v.prometheus.enabled ? `metrics on ${v.prometheus.host}:${v.prometheus.port}` : '',
    ].filter(Boolean);
    return {
      detail: `validating on ${t.network} netuid ${t.netuid} as uid ${validator.uid}${extras.length ? ` (${extras.join(', ')})` : ''}`,
      stats: () => [],
      inFlight: () => validator.inFlightCount,
      onFailure: (listener) => validator.onFailure(listener),
      async stop() {
        for (const c of cleanup) await Promise.resolve(c()).catch(() => undefined);
      },
    };
  } catch (err) {
    for (const c of cleanup) await Promise.resolve(c()).catch(() => undefined);
    throw err;
  }
}
