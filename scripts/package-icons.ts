/**
 * Draws the app package's icons (no network, no image tools): `npm run package:icons`.
 * - color.png: 192×192, the accent colour as a solid square, a white symbol inside the middle
 *   96×96 (48 px padding), as the Teams package rules ask;
 * - outline.png: 32×32, the same symbol in pure white on full transparency, no other colours.
 * The symbol is two linked rings: two people, in rapport.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type Rgba } from './package-png';

/** The manifest's accentColor; the colour icon's background. */
export const ACCENT = '#4F52B2';

export interface Rings {
  size: number;
  /** Horizontal distance of each ring's centre from the middle. */
  offset: number;
  outer: number;
  thickness: number;
}

/** How much of the pixel at (x, y) the rings cover, 0..1, from 4×4 samples. */
export function coverage(rings: Rings, x: number, y: number): number {
  const middle = rings.size / 2;
  let inside = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const px = x + (i + 0.5) / 4;
      const py = y + (j + 0.5) / 4;
      const onRing = [-rings.offset, rings.offset].some((dx) => {
        const d = Math.hypot(px - (middle + dx), py - middle);
        return d <= rings.outer && d >= rings.outer - rings.thickness;
      });
      if (onRing) inside++;
    }
  }
  return inside / 16;
}

export function colorIcon(): Rgba {
  const size = 192;
  const rings: Rings = { size, offset: 14, outer: 26, thickness: 7 };
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(ACCENT.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(rings, x, y);
      const mix = (bg: number) => Math.round(bg + (255 - bg) * c);
      pixels.set([mix(r), mix(g), mix(b), 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

export function outlineIcon(): Rgba {
  const size = 32;
  const rings: Rings = { size, offset: 6, outer: 10, thickness: 3 };
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Pure white or fully transparent: the outline rule allows nothing in between.
      if (coverage(rings, x, y) >= 0.5) pixels.set([255, 255, 255, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

export function writeIcons(dir: string): void {
  writeFileSync(join(dir, 'color.png'), encodePng(colorIcon()));
  writeFileSync(join(dir, 'outline.png'), encodePng(outlineIcon()));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  writeIcons('appPackage');
  console.log('Wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32).');
}
