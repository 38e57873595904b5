/**
 * A small exact keyed hash for reproducible draws: MurmurHash3 (x86, 32-bit)
 * over the UTF-16LE bytes of a string, and a 53-bit sampling key built from
 * two such hashes. Integer arithmetic only (`Math.imul`, `>>> 0`), so the
 * result is the same on every JavaScript engine and easy to re-implement in
 * any language for an audit. Not a cryptographic hash.
 * @internal
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MurmurHash3_x86_32 of the UTF-16LE encoding of `s` (two bytes per UTF-16
 * code unit, so a 4-byte block is two code units, the first in the low half)
 * with a 32-bit `seed`. Returns an unsigned 32-bit integer.
 * @internal
 */
export function murmur3Utf16(s: string, seed: number): number {
  let h = seed >>> 0;
  const n = s.length;
  const blocks = n >> 1;
  for (let b = 0; b < blocks; b++) {
    let k = (s.charCodeAt(2 * b) | (s.charCodeAt(2 * b + 1) << 16)) >>> 0;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (n & 1) {
    // tail of two bytes: k1 ^= tail[1] << 8; k1 ^= tail[0]
    let k = s.charCodeAt(n - 1);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= n * 2; // length in bytes
  return fmix32(h);
}

/** The two 32-bit hash seeds derived from a draw seed text. @internal */
export interface DrawSeeds {
  readonly s1: number;
  readonly s2: number;
}

/** Derives the hash seeds of a draw: s1 = murmur3(seedText, 0), s2 = murmur3(seedText, 1). @internal */
export function drawSeeds(seedText: string): DrawSeeds {
  return { s1: murmur3Utf16(seedText, 0), s2: murmur3Utf16(seedText, 1) };
}

const TWO_32 = 4294967296;

/**
 * The 53-bit sampling key of an id under a draw seed:
 * `(murmur3(id, s1) >>> 11) × 2^32 + murmur3(id, s2)` — an integer in
 * [0, 2^53), exact in a double. Both hashes are computed in one pass (the
 * block mixing does not depend on the seed); the result equals
 * {@link murmur3Utf16} run twice.
 * @internal
 */
export function drawKey(id: string, seeds: DrawSeeds): number {
  let h1 = seeds.s1;
  let h2 = seeds.s2;
  const n = id.length;
  const end = n & ~1;
  for (let i = 0; i < end; i += 2) {
    let k = id.charCodeAt(i) | (id.charCodeAt(i + 1) << 16);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h1 ^= k;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    h2 ^= k;
    h2 = (h2 << 13) | (h2 >>> 19);
    h2 = (Math.imul(h2, 5) + 0xe6546b64) | 0;
  }
  if (n & 1) {
    let k = id.charCodeAt(n - 1);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h1 ^= k;
    h2 ^= k;
  }
  h1 ^= n * 2;
  h2 ^= n * 2;
  return (fmix32(h1) >>> 11) * TWO_32 + fmix32(h2);
}
