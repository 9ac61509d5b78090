/** Minor-unit digits of a currency (2 for EUR/USD, 0 for JPY), from the runtime's ISO 4217 data. */
export function currencyDigits(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** Medusa prices are in major units (10.5 = €10.50); the rate table keeps exact minor units. */
export function toMinor(amount: number | string | { valueOf(): number } | null | undefined, currencyCode: string): number {
  return Math.round(Number(amount ?? 0) * 10 ** currencyDigits(currencyCode))
}

export function toMajor(amount: number, currencyCode: string): number {
  return amount / 10 ** currencyDigits(currencyCode)
}
