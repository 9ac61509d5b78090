import { currencyDigits } from "../../utils/money"

/** 490, "eur" → "4.90": what the merchant reads and types. */
export function formatMajor(minor: number, currencyCode: string): string {
  const digits = currencyDigits(currencyCode)
  return (minor / 10 ** digits).toFixed(digits)
}

/** "4.90" or "4,90", "eur" → 490; null when it is not an amount. */
export function parseMajor(text: string, currencyCode: string): number | null {
  const normalized = text.trim().replace(",", ".")
  if (!/^\d+(\.\d*)?$/.test(normalized)) {
    return null
  }
  return Math.round(Number(normalized) * 10 ** currencyDigits(currencyCode))
}
