/**
 * Just enough PNG reading to tell a real render from a blank one, without a dependency: the
 * header's size, the IDAT stream inflated with node:zlib and the scanline filters undone (8-bit
 * greyscale, RGB, grey+alpha and RGBA; no interlace — what Chromium writes).
 */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** Bytes per pixel. */
  readonly channels: number;
  /** Unfiltered pixel rows, `width * channels` bytes each. */
  readonly pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function decodePng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const colour = body[9] ?? -1;
      if (depth !== 8 || CHANNELS[colour] === undefined || body[12] !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${body[12]})`);
      channels = CHANNELS[colour]!;
    }
    if (type === 'IDAT') data.push(body);
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels]! : 0;
      const b = y > 0 ? pixels[out - stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter} on row ${y}`);
      pixels[out + x] = (row[x]! + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Luminance statistics of a decoded image: how many distinct grey levels, and their spread. */
export function luminanceStats(image: DecodedPng): { levels: number; stddev: number; darkShare: number } {
  const histogram = new Array<number>(256).fill(0);
  const count = image.width * image.height;
  for (let i = 0; i < count; i++) {
    const at = i * image.channels;
    const [r, g, b] = image.channels >= 3 ? [image.pixels[at]!, image.pixels[at + 1]!, image.pixels[at + 2]!] : [image.pixels[at]!, image.pixels[at]!, image.pixels[at]!];
    histogram[Math.round(0.299 * r + 0.587 * g + 0.114 * b)]! += 1;
  }
  let mean = 0;
  for (let level = 0; level < 256; level++) mean += (level * histogram[level]!) / count;
  let variance = 0;
  for (let level = 0; level < 256; level++) variance += ((level - mean) ** 2 * histogram[level]!) / count;
  const dark = histogram.slice(0, 128).reduce((sum, n) => sum + n, 0);
  return { levels: histogram.filter((n) => n > 0).length, stddev: Math.sqrt(variance), darkShare: dark / count };
}
