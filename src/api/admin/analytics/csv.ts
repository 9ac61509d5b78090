import type { MedusaResponse } from "@medusajs/framework/http"

type Cell = string | number | boolean | null | undefined

/**
 * RFC 4180 CSV. A cell starting with = + - @ (or a tab/CR) is prefixed with an apostrophe so a
 * product title cannot become a formula when the merchant opens the file in a spreadsheet.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  const cell = (value: Cell): string => {
    if (value === null || value === undefined) {
      return ""
    }
    let text = String(value)
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) {
      text = `'${text}`
    }
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n"
}

/** Sends a CSV download named after the report and its range. */
export function sendCsv(res: MedusaResponse, report: string, range: { from: Date; to: Date }, header: string[], rows: Cell[][]) {
  const day = (d: Date) => d.toISOString().slice(0, 10)
  // Named by the last day the report covers (`to` is the exclusive end).
  const lastDay = new Date(range.to.getTime() - 1)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${report}-${day(range.from)}-${day(lastDay)}.csv"`)
  res.status(200).send(toCsv(header, rows))
}
