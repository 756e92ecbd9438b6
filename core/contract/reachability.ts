import { z } from 'zod';

/** A UDP port mapping the app asked the user's router for (NAT-PMP, RFC 6886, or UPnP IGD), and what it said. */
export const PortMappingStateSchema = z.object({
  state: z.enum(['off', 'opening', 'mapped', 'failed']),
  method: z.enum(['nat-pmp', 'upnp']).optional(),
  /** The router that answered. */
  gateway: z.string().optional(),
  internalHost: z.string().optional(),
  internalPort: z.number().int().optional(),
  externalPort: z.number().int().optional(),
  /** The router's public address, as it reported it. */
  externalIp: z.string().optional(),
  /** Lease requested; renewed at half of it. */
  lifetimeS: z.number().int().optional(),
  /** When the next renewal is due (ISO 8601). */
  renewAt: z.string().optional(),
  /** What happened, with the router's own answer where it gave one. */
  message: z.string(),
});

const none = z.object({}).strict();

export const reachabilityCommands = {
  'portMapping.status': { input: none, output: PortMappingStateSchema },
  /**
   * Ask the router to forward the miner's UDP port to this computer (the user's consent is this call, or the
   * `axon.openRouterPort` setting, which opens it whenever the miner starts and removes it when it stops).
   * The lease is renewed while the app runs.
   */
  'portMapping.open': {
    input: z.object({ port: z.number().int().min(1).max(65535).optional() }).strict(),
    output: PortMappingStateSchema,
  },
  /** Remove the mapping from the router. */
  'portMapping.close': { input: none, output: PortMappingStateSchema },
} as const;
