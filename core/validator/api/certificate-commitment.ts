import type { ApiPromise } from '@polkadot/api';
import { u8aToString, stringToU8a } from '@polkadot/util';
import { submitExtrinsic, type SubmitOptions } from '../../chain/submit.js';
import type { ChainSigner } from '../../chain/signer.js';

/**
 * `Commitments.set_commitment` arguments the SDK's `subtensor.commit(wallet, netuid, data)` sends: one
 * `Raw<len>` field holding the UTF-8 bytes of the text (here the 64-hex certificate fingerprint → Raw64).
 */
export function certificateCommitmentArgs(netuid: number, fingerprint: string) {
  if (!/^[0-9a-f]{64}$/.test(fingerprint))
    throw new Error('fingerprint must be 64 lower-case hex characters');
  const bytes = stringToU8a(fingerprint);
  return [netuid, { fields: [{ [`Raw${bytes.length}`]: bytes }] }] as const;
}

/** The text this hotkey has committed on `netuid` (first Raw field), or null (SDK `get_commitment`). */
export async function readCommitment(
  api: ApiPromise,
  netuid: number,
  hotkey: string,
): Promise<string | null> {
  const stored = await api.query.commitments.commitmentOf(netuid, hotkey);
  const json = stored.toJSON() as { info?: { fields?: Array<Record<string, string>> } } | null;
  const field = json?.info?.fields?.[0];
  if (!field) return null;
  const [kind, value] = Object.entries(field)[0] ?? [];
  if (!kind?.toLowerCase().startsWith('raw') || typeof value !== 'string') return null;
  return u8aToString(api.createType('Bytes', value).toU8a(true));
}

/**
 * Spec §11 pinning: commit the certificate's SHA-256 fingerprint with the validator hotkey, only when it
 * differs from what is on chain. Returns whether an extrinsic was sent.
 */
export async function commitCertificateFingerprint(
  api: ApiPromise,
  hotkey: ChainSigner,
  netuid: number,
  fingerprint: string,
  options: SubmitOptions = {},
): Promise<{ submitted: boolean; block?: number }> {
  if ((await readCommitment(api, netuid, hotkey.address)) === fingerprint) return { submitted: false };
  const tx = api.tx.commitments.setCommitment(...certificateCommitmentArgs(netuid, fingerprint));
  const inclusion = await submitExtrinsic(api, tx, hotkey, options);
  return { submitted: true, block: inclusion.blockNumber };
}
