/**
 * The app icon, drawn from signed distance functions so every size is rendered sharp instead of
 * scaled: a rounded tile with a night-blue to teal gradient, a hexagon (a block) and a small
 * three-node graph inside it (a proof of inference). Coordinates are in [0, 1], y down.
 */
type Rgb = readonly [number, number, number];

const TOP: Rgb = [22, 27, 58];
const BOTTOM: Rgb = [20, 132, 160];
const INK: Rgb = [240, 248, 255];
const ACCENT: Rgb = [255, 196, 64];

const TILE_INSET = 0.085; // macOS-style margin around the tile
const TILE_RADIUS = 0.19;
const HEX_RADIUS = 0.27;
const HEX_STROKE = 0.034;

function roundedBox(x: number, y: number, half: number, radius: number): number {
  const qx = Math.abs(x - 0.5) - half + radius;
  const qy = Math.abs(y - 0.5) - half + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function hexagon(x: number, y: number, r: number): number {
  // Pointy-top regular hexagon centred at (0.5, 0.5) (Inigo Quilez's exact SDF, rotated 90°).
  const kx = -0.866025404;
  const ky = 0.5;
  const kz = 0.577350269;
  let px = Math.abs(y - 0.5);
  let py = Math.abs(x - 0.5);
  const d = 2 * Math.min(kx * px + ky * py, 0);
  px -= d * kx;
  py -= d * ky;
  px -= Math.min(Math.max(px, -kz * r), kz * r);
  py -= r;
  return Math.hypot(px, py) * Math.sign(py);
}

function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const pax = x - ax;
  const pay = y - ay;
  const bax = bx - ax;
  const bay = by - ay;
  const h = Math.min(Math.max((pax * bax + pay * bay) / (bax * bax + bay * bay), 0), 1);
  return Math.hypot(pax - bax * h, pay - bay * h);
}

const VERTICES = Array.from({ length: 6 }, (_, i) => {
  const a = -Math.PI / 2 + (i * Math.PI) / 3;
  return [0.5 + HEX_RADIUS * Math.cos(a), 0.5 + HEX_RADIUS * Math.sin(a)] as const;
});
const GRAPH = [VERTICES[0], VERTICES[2], VERTICES[4]];

interface Sample {
  rgb: Rgb;
  alpha: number;
}

function shade(x: number, y: number): Sample {
  if (roundedBox(x, y, 0.5 - TILE_INSET, TILE_RADIUS) > 0) return { rgb: [0, 0, 0], alpha: 0 };
  const t = Math.min(Math.max((x * 0.35 + y * 0.65 - 0.1) / 0.8, 0), 1);
  let rgb: Rgb = [0, 1, 2].map((i) => TOP[i] + (BOTTOM[i] - TOP[i]) * t) as unknown as Rgb;
  const onHex = Math.abs(hexagon(x, y, HEX_RADIUS * 0.866025404)) < HEX_STROKE / 2;
  const onEdge = GRAPH.some(([ax, ay]) => segment(x, y, ax, ay, 0.5, 0.5) < 0.014);
  if (onHex || onEdge) rgb = INK;
  if (Math.hypot(x - 0.5, y - 0.5) < 0.075) rgb = ACCENT;
  if (GRAPH.some(([vx, vy]) => Math.hypot(x - vx, y - vy) < 0.052)) rgb = INK;
  return { rgb, alpha: 1 };
}

/** Renders the icon at `size`×`size` RGBA with `ss`×`ss` supersampling for anti-aliased edges. */
export function renderIcon(size: number, ss = 3): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = ss * ss;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const s = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          r += s.rgb[0] * s.alpha;
          g += s.rgb[1] * s.alpha;
          b += s.rgb[2] * s.alpha;
          a += s.alpha;
        }
      }
      const at = (py * size + px) * 4;
      // Colour is alpha-weighted (premultiplied while accumulating), then un-premultiplied.
      out[at] = a ? Math.round(r / a) : 0;
      out[at + 1] = a ? Math.round(g / a) : 0;
      out[at + 2] = a ? Math.round(b / a) : 0;
      out[at + 3] = Math.round((a / n) * 255);
    }
  }
  return out;
}
