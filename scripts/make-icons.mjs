// Draws the add-in's ribbon and catalogue icons and writes them as PNG files into assets/.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";

const OFFICE_BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
/** Samples per pixel side: edges are anti-aliased by coverage, with no drawing library. */
const SUPERSAMPLE = 8;

/** The shapes are drawn on a 16-unit grid so that at 16 px every bar edge falls on a pixel edge. */
const GRID = 16;
const CORNER_RADIUS = 3;
/** Three rising bars: the indicators moving towards their targets. [left, right, top, bottom]. */
const BARS = [
  [3, 5, 9, 13],
  [7, 9, 6, 13],
  [11, 13, 3, 13],
];
const CHECK = {
  points: [
    [3.5, 8.5],
    [6.5, 11.5],
    [12.5, 4.5],
  ],
  width: 2.2,
};

function insideRoundedSquare(x, y) {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), GRID - r);
  const cy = Math.min(Math.max(y, r), GRID - r);
  return x >= 0 && y >= 0 && x <= GRID && y <= GRID && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideBars(x, y) {
  return BARS.some(
    ([left, right, top, bottom]) => x >= left && x < right && y >= top && y < bottom,
  );
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function insideCheck(x, y) {
  const [a, b, c] = CHECK.points;
  return Math.min(distanceToSegment(x, y, a, b), distanceToSegment(x, y, b, c)) <= CHECK.width / 2;
}

export const glyphs = { icon: insideBars, check: insideCheck };

/** RGBA pixels, row by row: a white glyph on an Office-blue rounded square, transparent corners. */
export function drawIcon(glyph, size) {
  const pixels = new Uint8Array(size * size * 4);
  const unit = GRID / size / SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px * SUPERSAMPLE + sx + 0.5) * unit;
          const y = (py * SUPERSAMPLE + sy + 0.5) * unit;
          if (!insideRoundedSquare(x, y)) continue;
          covered++;
          if (glyph(x, y)) white++;
        }
      }
      // Colour is averaged over the covered samples only, so the corners fade in alpha, not to black.
      const share = covered ? white / covered : 0;
      const at = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) {
        pixels[at + i] = Math.round(WHITE[i] * share + OFFICE_BLUE[i] * (1 - share));
      }
      pixels[at + 3] = Math.round((255 * covered) / SUPERSAMPLE ** 2);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A truecolour-with-alpha, 8-bit, non-interlaced PNG; every scanline uses filter 0 (none). */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * Every file the manifest names: 16/32/80 for the ribbon, 32 and 64 for the catalogue
 * (IconUrl, HighResolutionIconUrl).
 */
export const iconFiles = [
  ...[16, 32, 64, 80].map((size) => ({ name: `icon-${size}.png`, glyph: "icon", size })),
  ...[16, 32, 80].map((size) => ({ name: `check-${size}.png`, glyph: "check", size })),
];

export const assetsDir = fileURLToPath(new URL("../assets/", import.meta.url));

export function makeIcons(outdir = assetsDir) {
  mkdirSync(outdir, { recursive: true });
  for (const { name, glyph, size } of iconFiles) {
    writeFileSync(join(outdir, name), encodePng(size, size, drawIcon(glyphs[glyph], size)));
  }
  return iconFiles.map(({ name }) => name);
}

if (import.meta.filename === process.argv[1]) {
  for (const name of makeIcons()) console.log(`assets/${name}`);
}
