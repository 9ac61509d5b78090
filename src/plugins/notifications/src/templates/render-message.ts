import { render } from "@react-email/components"
import type { ReactElement } from "react"
import type { RenderedMessage } from "./data"
import { safeUrl } from "./format"

type MessageParts = {
  subject: string
  email: ReactElement
  sms: string
  push: { title: string; body: string; url?: string | null }
}

/*
 * html-to-text upper-cases headings by default, which reads as shouting in a plain-text mail
 * and would turn "Linen Shirt" into "LINEN SHIRT" where a heading shows a product.
 */
const headingSelectors = ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } }))

/** Rows marked with `TEXT_COLUMNS` keep their cells on one line, like a receipt. */
const columnRowSelector = {
  selector: "table[data-text-columns=true]",
  format: "dataTable",
  options: { colSpacing: 3, maxColumnWidth: 60, uppercaseHeaderCells: false },
}

const plainTextSelectors = [...headingSelectors, columnRowSelector]

/** One line, ordinary spaces: SMS gateways split on newlines, and a non-breaking space (which
 *  Intl puts in "86,99 €" and French puts before ":") forces UCS-2, cutting a part to 70 chars. */
export function toSmsLine(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim()
}

export async function renderMessage(parts: MessageParts): Promise<RenderedMessage> {
  const html = withoutNulBytes(await render(parts.email))
  const text = withoutNulBytes(await render(parts.email, { plainText: true, htmlToTextOptions: { selectors: plainTextSelectors } }))
  const url = safeUrl(parts.push.url)
  return {
    subject: parts.subject,
    html,
    text: text.trim(),
    sms: toSmsLine(parts.sms),
    push: { title: parts.push.title, body: parts.push.body, ...(url ? { url } : {}) },
  }
}

/**
 * React 18's streaming renderer (which React Email's render uses) flushes its whole 2 KB chunk
 * when a multi-byte character does not fit at the end, leaving zero bytes in the output; nothing
 * else is lost. PostgreSQL refuses text holding NUL, and mail clients show junk, so they go.
 */
function withoutNulBytes(markup: string): string {
  return markup.includes("\u0000") ? markup.replace(/\u0000/g, "") : markup
}
