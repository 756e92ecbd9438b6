import { z } from 'zod';
import { Ss58AddressSchema } from './signing.js';

/** `host:port` of a btlightning (QUIC, UDP) server; IPv6 hosts in brackets: `[::1]:8091`. */
export const QuicTargetSchema = z
  .string()
  .regex(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be HOST:PORT, e.g. 203.0.113.5:8091')
  .refine((s) => {
    const port = Number(s.slice(s.lastIndexOf(':') + 1));
    return port >= 1 && port <= 65535;
  }, 'port must be 1–65535');

/** Why no handshake completed. */
export const ProbeFailureKindSchema = z.enum([
  /** This computer cannot load the QUIC library (no native binary for this platform). */
  'quic-unavailable',
  /** No QUIC answer at all within the connect timeout (nothing listens, UDP blocked, not forwarded, CGNAT). */
  'timeout',
  /** The QUIC/TLS connection failed (something other than btlightning answers, wrong ALPN, closed by the peer). */
  'connection',
  /** QUIC connected but the handshake reply did not arrive in time. */
  'no-reply',
  /** A reply arrived but is not a btlightning HandshakeResponse. */
  'protocol',
]);

/** One btlightning handshake as a validator makes it (spec sn2-2026 §4.6, §4.9). */
export const QuicProbeResultSchema = z.object({
  target: z.string(),
  /** When the probe started (ISO 8601). */
  at: z.string(),
  /** The hotkey that signed the handshake: what the miner logs ("Handshake rejected: hotkey …"). */
  probeHotkey: z.string(),
  /** The overall verdict: a btlightning server answered and nothing in its answer is wrong. */
  ok: z.boolean(),
  /** A btlightning server answered with a HandshakeResponse (accepted or refused): the UDP path works. */
  reached: z.boolean(),
  accepted: z.boolean(),
  /** The miner hotkey in the reply ("" for a refusal before authentication); null without a reply. */
  minerHotkey: z.string().nullable(),
  /** base64 BLAKE2b-256 of the server certificate DER, from the TLS session. */
  certFingerprint: z.string().nullable(),
  /** Accepted replies only: the reply names the certificate we saw. */
  fingerprintMatches: z.boolean(),
  /** Accepted replies only: the miner's signature verifies (refusals are unsigned by design). */
  signatureValid: z.boolean(),
  /** Present when an expected hotkey was given. */
  hotkeyMatches: z.boolean().optional(),
  connectionId: z.string().nullable(),
  failure: z.object({ kind: ProbeFailureKindSchema, message: z.string() }).optional(),
  /** One sentence for the user: what happened and what it means. */
  message: z.string(),
  timings: z.object({
    /** QUIC + TLS handshake (including the server's Retry round trip). */
    connectMs: z.number().optional(),
    /** btlightning handshake: request written to reply read. */
    handshakeMs: z.number().optional(),
    totalMs: z.number(),
  }),
});

export const btlightningCommands = {
  /**
   * One btlightning handshake against `target`, signed with the wallet's hotkey (`key: "wallet"`, default) or a
   * fresh throw-away key (`"fresh"`, what the spec recommends for reachability probes: the miner logs its address).
   */
  'probe.quic': {
    input: z
      .object({
        target: QuicTargetSchema,
        expectHotkey: Ss58AddressSchema.optional(),
        key: z.enum(['wallet', 'fresh']).default('wallet'),
        timeoutMs: z.number().int().min(100).max(60_000).optional(),
      })
      .strict(),
    output: QuicProbeResultSchema,
  },
} as const;
