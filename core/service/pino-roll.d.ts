// pino-roll 4.0.0 ships no types; this is the part of its documented API (README, pino-roll.js) we use.
declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom';
  import type { SonicBoomOpts } from 'sonic-boom';

  interface PinoRollOptions extends Omit<SonicBoomOpts, 'dest'> {
    file: string;
    /** "10m", "1g"; a number is megabytes. */
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    /** `count`: files kept besides the current one. */
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    symlink?: boolean;
    dateFormat?: string;
  }
  export default function roll(options: PinoRollOptions): Promise<SonicBoom>;
}
