export const SUPPORTED_LOCALES = ["en", "de", "fr"] as const
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: SupportedLocale = "en"

function isSupportedLocale(value: string): value is SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

/** The language part of a tag, lower-cased: "de-DE", "DE" and "de_AT" all give "de". */
function primaryLanguage(tag: string): string {
  return tag.trim().split(/[-_]/)[0].toLowerCase()
}

/**
 * The locale whose strings we use for a recipient. Accepts region tags ("de-DE") and any casing,
 * and falls back (to `fallback`, then to English) for anything we have no strings for.
 */
export function resolveLocale(requested?: string | null, fallback: string = DEFAULT_LOCALE): SupportedLocale {
  const language = requested ? primaryLanguage(requested) : ""
  if (isSupportedLocale(language)) return language
  const fallbackLanguage = primaryLanguage(fallback)
  return isSupportedLocale(fallbackLanguage) ? fallbackLanguage : DEFAULT_LOCALE
}

/**
 * The locale for numbers and dates. A regional tag of the same language is kept, so "de-CH" gets
 * Swiss formatting with German text; anything else formats like the language of the text, so an
 * e-mail never mixes English sentences with Spanish number formats.
 */
export function formattingLocale(requested: string | null | undefined, resolved: SupportedLocale): string {
  if (!requested) return resolved
  try {
    const [canonical] = Intl.getCanonicalLocales(requested.trim().replace(/_/g, "-"))
    return canonical && primaryLanguage(canonical) === resolved ? canonical : resolved
  } catch {
    return resolved
  }
}
