/** Medusa returns amounts as numbers, numeric strings or BigNumber objects depending on the path. */
export function amount(value: unknown): number {
  if (value === null || value === undefined) return 0
  if (typeof value === "number") return value
  if (typeof value === "string") return Number(value)
  const big = value as { numeric?: number; value?: string | number; toJSON?: () => unknown }
  if (typeof big.numeric === "number") return big.numeric
  if (big.value !== undefined) return Number(big.value)
  return Number(big.toJSON?.() ?? value)
}
