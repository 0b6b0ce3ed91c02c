/**
 * Deterministic pseudo-randomness. Every "random" value in a scenario (jitter,
 * node ports, pod name suffixes) comes from a PRNG seeded with the `seed`
 * option plus a stable key, so the same seed gives the same fleet regardless
 * of build order, and tests can assert exact values.
 */

/** FNV-1a 32-bit hash of a string. */
export function hashString(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for simulation data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG for one purpose (`keys`) under one global seed. */
export function seededRandom(
  seed: number,
  ...keys: Array<string | number>
): () => number {
  return mulberry32(hashString(`${seed}:${keys.join('/')}`));
}

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Kubernetes-style random name suffix (ReplicaSet hashes, pod ids). */
export function nameSuffix(rng: () => number, length = 5): string {
  let s = '';
  for (let i = 0; i < length; i++)
    s += SUFFIX_ALPHABET[Math.floor(rng() * SUFFIX_ALPHABET.length)];
  return s;
}

export function randomInt(rng: () => number, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}
