import { randomInt } from 'node:crypto';
import type { Rand } from './types.js';

/** Default randomness: crypto-quality floats in [0, 1) with 47 bits of precision. */
export const defaultRand: Rand = () => randomInt(0, 2 ** 47) / 2 ** 47;

/** Python `random.randint(a, b)`: inclusive on both ends. */
export const randint = (rand: Rand, a: number, b: number): number => a + Math.floor(rand() * (b - a + 1));

/** A fresh unsigned 32-bit integer (the nonces of the SN27/SN48 PoW inputs). */
export const random32 = (rand: Rand): number => randint(rand, 0, 2 ** 32 - 1);

export const repeat = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i));
