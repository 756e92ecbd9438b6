// Main process: a tray icon drawn in code (a filled circle, colour by state), so no image file is needed.
import type { RunState } from '../core/contract/index.js';

const COLOURS: Record<RunState | 'unavailable', [number, number, number]> = {
  running: [46, 160, 67],
  starting: [210, 153, 34],
  stopping: [210, 153, 34],
  stopped: [128, 128, 128],
  error: [207, 34, 46],
  unavailable: [128, 128, 128],
};

/** 32×32 BGRA pixels for nativeImage.createFromBitmap. */
export function trayIconBitmap(state: RunState | 'unavailable', size = 32): Buffer {
  const [r, g, b] = COLOURS[state];
  const buf = Buffer.alloc(size * size * 4);
  const c = (size - 1) / 2;
  const radius = size * 0.42;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      const alpha = Math.max(0, Math.min(1, radius - d + 0.5));
      const i = (y * size + x) * 4;
      buf[i] = b;
      buf[i + 1] = g;
      buf[i + 2] = r;
      buf[i + 3] = Math.round(alpha * 255);
    }
  }
  return buf;
}
