import { z } from 'zod';

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);

/** A Substrate chain spec in runtimeGenesis form (code + patch), as the subtensor fixture ships. */
export const RuntimeGenesisSpecSchema = z.object({
  name: z.string(),
  id: z.string(),
  chainType: z.string().optional(),
  protocolId: z.string().nullable().optional(),
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
  genesis: z.object({
    runtimeGenesis: z.object({
      code: hex,
      patch: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
});
export type RuntimeGenesisSpec = z.infer<typeof RuntimeGenesisSpecSchema>;

/** The raw form chopsticks' genesis mode reads. */
export interface RawChainSpec {
  name: string;
  id: string;
  chainType: string;
  bootNodes: string[];
  telemetryEndpoints: null;
  protocolId: string | null;
  properties: { ss58Format: number; tokenDecimals: number; tokenSymbol: string };
  forkBlocks: null;
  badBlocks: string[];
  codeSubstitutes: Record<string, string>;
  genesis: { raw: { top: Record<`0x${string}`, `0x${string}`>; childrenDefault: Record<string, never> } };
}

export const CODE_KEY = '0x3a636f6465';
/** twox128("Timestamp") ‖ twox128("Now"). */
export const TIMESTAMP_NOW_KEY = '0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb';
