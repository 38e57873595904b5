import { murmur3Utf16 } from "./hash";

const TWO_32 = 4294967296;

/**
 * True when two of the `n` ids are equal. Equal ids have equal keys, so only
 * equal keys are compared as strings (open addressing on the low 32 bits of
 * the key); several times faster than a `Set` of a million strings.
 * @param n - number of ids
 * @param idAt - the i-th id
 * @param keys - precomputed keys (any function of the id alone), or a 32-bit murmur3 of each id computed here
 * @internal
 */
export function hasDuplicateIds(n: number, idAt: (i: number) => string, keys?: Float64Array): boolean {
  let ks = keys;
  if (!ks) {
    ks = new Float64Array(n);
    for (let i = 0; i < n; i++) ks[i] = murmur3Utf16(idAt(i), 0x5eed);
  }
  let cap = 1;
  while (cap < n * 2) cap <<= 1;
  const mask = cap - 1;
  const slot = new Int32Array(cap).fill(-1);
  for (let i = 0; i < n; i++) {
    const k: number = ks[i]!;
    let p: number = (k % TWO_32) & mask;
    for (;;) {
      const j = slot[p]!;
      if (j === -1) {
        slot[p] = i;
        break;
      }
      if (ks[j] === k && idAt(j) === idAt(i)) return true;
      p = (p + 1) & mask;
    }
  }
  return false;
}
