import type { Branding, RenderContext } from "./data"
import { formatDate, formatMoney, formatNumber } from "./format"
import { formattingLocale, resolveLocale, type SupportedLocale } from "./locale"
import { de } from "./strings/de"
import { en, type Strings } from "./strings/en"
import { fr } from "./strings/fr"

export type { Strings }

const DICTIONARIES: Record<SupportedLocale, Strings> = { en, de, fr }

export type Placeholders = Record<string, string | number>

/**
 * Replaces `{name}` with `values.name`. Values are inserted once and not scanned again, so a
 * product called "{store}" stays as it is; an unknown placeholder is left visible rather than
 * silently dropped, which makes a typo in a dictionary easy to spot (and to test for).
 */
export function fill(template: string, values: Placeholders): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : placeholder
  )
}

/** Everything a template needs to speak the recipient's language. */
export type Localized = {
  locale: SupportedLocale
  strings: Strings
  branding: Branding
  unsubscribeUrl?: string
  /** `fill` with `{store}` already provided. */
  t(template: string, values?: Placeholders): string
  money(amount: number, currencyCode: string): string
  date(iso: string): string
  number(value: number): string
  /** The locale for Intl formatting, which may carry a region ("de-CH"). */
  formatLocale: string
}

export function localize(ctx: RenderContext): Localized {
  const locale = resolveLocale(ctx.locale)
  const formatLocale = formattingLocale(ctx.locale, locale)
  return {
    locale,
    formatLocale,
    strings: DICTIONARIES[locale],
    branding: ctx.branding,
    unsubscribeUrl: ctx.unsubscribeUrl,
    t: (template, values = {}) => fill(template, { store: ctx.branding.storeName, ...values }),
    money: (amount, currencyCode) => formatMoney(amount, currencyCode, formatLocale),
    date: (iso) => formatDate(iso, formatLocale),
    number: (value) => formatNumber(value, formatLocale),
  }
}
