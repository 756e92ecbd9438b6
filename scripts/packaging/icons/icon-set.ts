import { encodeIcns, encodeIco, ICNS_TYPES } from './containers.js';
import { renderIcon } from './icon-art.js';
import { encodePng } from './png.js';

/** Sizes electron-builder picks up for Linux from `<buildResources>/icons/<n>x<n>.png`. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** Every icon file, keyed by its path relative to the build-resources folder. */
export function buildIconSet(): Map<string, Buffer> {
  const sizes = new Set<number>([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map((t) => t.pixels)]);
  const png = new Map<number, Buffer>();
  for (const size of [...sizes].sort((a, b) => a - b)) {
    png.set(size, encodePng(renderIcon(size, size >= 512 ? 2 : 4), size, size));
  }
  const files = new Map<string, Buffer>();
  files.set('icon.png', png.get(1024)!);
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, png.get(size)!);
  files.set('icon.ico', encodeIco(ICO_SIZES.map((s) => png.get(s)!)));
  files.set('icon.icns', encodeIcns(png));
  return files;
}
