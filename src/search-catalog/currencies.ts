import { readEnv } from "../config/env"

let currencies: string[] | undefined

/**
 * The currencies the product index carries a price for (EMPORIUM_SEARCH_CURRENCIES), read once:
 * the index definition declares a price field per currency and the store routes check a shopper's
 * currency against the same list on every search.
 */
export function indexedCurrencies(): string[] {
  currencies ??= readEnv().EMPORIUM_SEARCH_CURRENCIES
  return currencies
}
