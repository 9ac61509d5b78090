/** Deterministic pseudo-random numbers (mulberry32, as bench/lib/random.mjs) and the samplers the generator needs. */
export type Random = () => number

export function rng(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]

export const uniform = (random: Random, lo: number, hi: number): number => lo + (hi - lo) * random()

/** Knuth's method; fine for the small means used here. */
export function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean)
  let k = 0
  let p = random()
  while (p > limit) {
    k++
    p *= random()
  }
  return k
}

export function shuffle<T>(random: Random, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[list[i], list[j]] = [list[j], list[i]]
  }
  return list
}

/** Cumulative weights, for sampling an index in O(log n). */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const cum = new Float64Array(weights.length)
  let sum = 0
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]
    cum[i] = sum
  }
  return cum
}

/** An index drawn with probability weight / total; -1 when every weight is 0. */
export function sampleIndex(random: Random, cum: Float64Array): number {
  const total = cum[cum.length - 1]
  if (!(total > 0)) return -1
  const x = random() * total
  let lo = 0
  let hi = cum.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cum[mid] > x) hi = mid
    else lo = mid + 1
  }
  return lo
}
