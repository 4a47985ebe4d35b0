/**
 * Seeded randomness. Tests must be able to predict ids and hashes, so nothing in the sandbox
 * uses Math.random: every stream is seeded from a string (usually the app id plus a purpose).
 */

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEX = '0123456789abcdef';

/** FNV-1a, 32 bit: enough to spread short seed strings over the PRNG's state space. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: string) {
    this.state = fnv1a(seed);
  }

  /** mulberry32: tiny, fast and good enough for fixture data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  private pick(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(this.int(alphabet.length));
    return out;
  }

  hex(length: number): string {
    return this.pick(HEX, length);
  }

  base62(length: number): string {
    return this.pick(BASE62, length);
  }

  /** Looks like a v4 UUID (version nibble 4, variant 8..b). */
  uuid(): string {
    const variant = '89ab'.charAt(this.int(4));
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }
}
