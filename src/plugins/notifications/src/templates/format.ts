import type { Address } from "./data"

/** Amounts are in the currency's main unit (10.5 is €10.50), as Medusa 2 stores them. */
export function formatMoney(amount: number, currencyCode: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
}

/** A date the recipient reads in their own convention; unparseable input is shown as given. */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(date)
}

function countryName(countryCode: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: "region" }).of(countryCode.toUpperCase()) ?? countryCode.toUpperCase()
  } catch {
    // Not an ISO region code; show what we were given rather than fail the whole e-mail.
    return countryCode.toUpperCase()
  }
}

// These countries write "City, State Postcode"; most of Europe writes "Postcode City".
const CITY_BEFORE_POSTCODE = new Set(["US", "CA", "AU"])

function joinPresent(parts: (string | null | undefined)[], separator: string): string {
  return parts
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(separator)
}

/** Postal lines for an address block, with the country named in the reader's language. */
export function formatAddressLines(address: Address, locale: string): string[] {
  const country = address.country_code?.trim().toUpperCase() ?? ""
  const cityLine = CITY_BEFORE_POSTCODE.has(country)
    ? joinPresent([joinPresent([address.city, address.province], ", "), address.postal_code], " ")
    : joinPresent([address.postal_code, address.city], " ")
  const lines = [
    joinPresent([address.first_name, address.last_name], " "),
    address.company,
    address.address_1,
    address.address_2,
    cityLine,
    CITY_BEFORE_POSTCODE.has(country) ? null : address.province,
    country ? countryName(country, locale) : null,
  ]
  return lines.map((line) => line?.trim() ?? "").filter((line) => line.length > 0)
}

/**
 * Links in a mail must be web links: a `javascript:` or `data:` URL from a carrier or a
 * misconfigured option would otherwise end up behind a button.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  try {
    const { protocol } = new URL(url)
    return protocol === "https:" || protocol === "http:" ? url : undefined
  } catch {
    return undefined
  }
}
