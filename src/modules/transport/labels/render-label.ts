import bwipjs from "bwip-js"
import PDFDocument from "pdfkit"
import type { Address } from "../carriers/types"

export type LabelInput = {
  carrier_name: string
  service_level_name: string
  tracking_number: string
  tracking_url: string
  from: Address
  to: Address
  weight_g: number
  /** Order number or fulfillment id, printed so the warehouse can match parcel and order. */
  reference: string
  is_return: boolean
  items: { title: string; sku?: string | null; quantity: number }[]
  created_at: Date
}

type Doc = PDFKit.PDFDocument
type Style = { font: "Helvetica" | "Helvetica-Bold"; size: number }
type Box = { x?: number; width?: number; align?: "left" | "center" }

// 4×6 in, the thermal-printer label size carriers accept, at 72 pt per inch.
const PAGE_WIDTH = 288
const PAGE_HEIGHT = 432
const MARGIN = 12
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
const LINE_HEIGHT = 1.18
const SECTION_GAP = 5

const LABEL: Style = { font: "Helvetica-Bold", size: 6.5 }
const SMALL: Style = { font: "Helvetica", size: 8 }

// bwip-js draws each Code 128 module as this many pixels; the PDF scales the image afterwards.
const BARCODE_PX_PER_MODULE = 3
const BARCODE_HEIGHT = 54
// Scanners need a blank margin of at least 10 modules on each side of a Code 128 symbol.
const QUIET_ZONE_MODULES = 10
// Wider bars than this only make short tracking numbers look stretched; scanners gain nothing.
const MAX_MODULE_WIDTH = 1.6

const MAX_ITEM_LINES = 6

/** Renders a 4×6 in shipping label as a one-page PDF; equal inputs give equal bytes (the only date is `created_at`). */
export async function renderLabelPdf(input: LabelInput): Promise<Buffer> {
  const barcode = await renderBarcode(input.tracking_number)
  const doc = new PDFDocument({
    size: [PAGE_WIDTH, PAGE_HEIGHT],
    margin: 0,
    info: {
      Title: `Label ${input.tracking_number}`,
      Creator: "Emporium",
      // pdfkit would stamp the current time, making two renders of one label differ.
      CreationDate: input.created_at,
    },
  })
  const pdf = collectOutput(doc)

  let y = drawHeader(doc, input, MARGIN)
  if (input.is_return) {
    y = drawReturnBanner(doc, y)
  }
  y = drawFrom(doc, input.from, y)
  y = drawTo(doc, input.to, y)
  y = drawFacts(doc, input, y)
  y = drawBarcode(doc, barcode, input, y)
  drawItems(doc, input.items, y)

  doc.end()
  return pdf
}

function collectOutput(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
  })
}

function renderBarcode(trackingNumber: string): Promise<Buffer> {
  // An opaque white background so the bars stay readable on coloured or pre-printed stock.
  return bwipjs.toBuffer({
    bcid: "code128",
    text: trackingNumber,
    scale: BARCODE_PX_PER_MODULE,
    height: 10,
    backgroundcolor: "FFFFFF",
  })
}

function drawHeader(doc: Doc, input: LabelInput, y: number): number {
  y = writeLine(doc, input.carrier_name, { font: "Helvetica-Bold", size: 20 }, y)
  y = writeLine(doc, input.service_level_name, { font: "Helvetica-Bold", size: 12 }, y)
  return rule(doc, y, 1.5)
}

function drawReturnBanner(doc: Doc, y: number): number {
  const height = 22
  const style: Style = { font: "Helvetica-Bold", size: 16 }
  doc.rect(MARGIN, y, CONTENT_WIDTH, height).fill("black")
  doc.fillColor("white")
  writeLine(doc, "RETURN", style, y + (height - style.size) / 2 + 1, { align: "center" })
  doc.fillColor("black")
  return y + height + SECTION_GAP
}

function drawFrom(doc: Doc, from: Address, y: number): number {
  y = writeLine(doc, "FROM", LABEL, y)
  // The sender only matters if the parcel comes back, so it is kept to four small lines.
  const lines = [
    from.name,
    from.company,
    joinPresent([from.address_1, from.address_2], ", "),
    joinPresent([`${from.postal_code} ${from.city}`, from.province, from.country_code.toUpperCase()], ", "),
  ]
  for (const line of present(lines)) {
    y = writeLine(doc, line, SMALL, y)
  }
  return rule(doc, y, 0.75)
}

function drawTo(doc: Doc, to: Address, y: number): number {
  const large: Style = { font: "Helvetica-Bold", size: 14 }
  const medium: Style = { font: "Helvetica", size: 12 }
  y = writeLine(doc, "TO", { ...LABEL, size: 8 }, y)
  // Sorters read name, postcode/city and country from a distance, so those lines are the largest.
  const lines: [string | null | undefined, Style][] = [
    [to.name, large],
    [to.company, medium],
    [to.address_1, medium],
    [to.address_2, medium],
    [`${to.postal_code} ${to.city}`, large],
    [joinPresent([to.province, to.country_code.toUpperCase()], ", "), { ...large, size: 12 }],
    [to.phone ? `Tel. ${to.phone}` : null, SMALL],
  ]
  for (const [line, style] of lines) {
    if (line) {
      y = writeLine(doc, line, style, y)
    }
  }
  return rule(doc, y, 1.5)
}

function drawFacts(doc: Doc, input: LabelInput, y: number): number {
  const facts: [string, string][] = [
    ["WEIGHT", formatWeight(input.weight_g)],
    ["REFERENCE", input.reference],
    // UTC, so the printed date does not depend on the server's time zone.
    ["DATE", input.created_at.toISOString().slice(0, 10)],
  ]
  const columnWidth = CONTENT_WIDTH / facts.length
  const value: Style = { font: "Helvetica-Bold", size: 10 }
  const valueY = y + LABEL.size * LINE_HEIGHT
  facts.forEach(([label, text], index) => {
    const column = { x: MARGIN + index * columnWidth, width: columnWidth - 4 }
    writeLine(doc, label, LABEL, y, column)
    writeLine(doc, text, value, valueY, column)
  })
  return rule(doc, valueY + value.size * LINE_HEIGHT, 0.75)
}

/** Carriers bill by weight rounded up, so the label never shows less than the parcel weighs. */
function formatWeight(grams: number): string {
  return `${(Math.ceil(grams / 100) / 10).toFixed(1)} kg`
}

function drawBarcode(doc: Doc, png: Buffer, input: LabelInput, y: number): number {
  // A PNG's width is the big-endian uint32 at byte 16 (the IHDR chunk); bwip-js adds no padding.
  const modules = png.readUInt32BE(16) / BARCODE_PX_PER_MODULE
  const moduleWidth = Math.min(MAX_MODULE_WIDTH, CONTENT_WIDTH / (modules + 2 * QUIET_ZONE_MODULES))
  const width = modules * moduleWidth
  doc.image(png, (PAGE_WIDTH - width) / 2, y + 2, { width, height: BARCODE_HEIGHT })
  y += BARCODE_HEIGHT + 4
  y = writeLine(doc, input.tracking_number, { font: "Helvetica-Bold", size: 11 }, y, { align: "center" })
  y = writeLine(doc, input.tracking_url, { font: "Helvetica", size: 6 }, y, { align: "center" })
  return rule(doc, y, 0.75)
}

function drawItems(doc: Doc, items: LabelInput["items"], y: number): void {
  y = writeLine(doc, "CONTENTS", LABEL, y)
  // With more items than lines, the last line says how many were left out.
  const shown = items.length > MAX_ITEM_LINES ? items.slice(0, MAX_ITEM_LINES - 1) : items
  const lines = shown.map((item) => `${item.quantity} × ${item.title}${item.sku ? ` (${item.sku})` : ""}`)
  if (shown.length < items.length) {
    lines.push(`+${items.length - shown.length} more`)
  }
  const style: Style = { font: "Helvetica", size: 7 }
  for (const line of lines) {
    y = writeLine(doc, line, style, y)
  }
}

/** Writes one line at y, cut to fit its box, and returns the y of the next line. */
function writeLine(doc: Doc, text: string, style: Style, y: number, box: Box = {}): number {
  const { x = MARGIN, width = CONTENT_WIDTH, align = "left" } = box
  doc.font(style.font).fontSize(style.size)
  const fitted = fitToWidth(doc, toWinAnsi(text), width)
  const left = align === "center" ? x + (width - doc.widthOfString(fitted)) / 2 : x
  // lineBreak: false keeps pdfkit from wrapping or starting a second page on its own.
  doc.text(fitted, left, y, { lineBreak: false })
  return y + style.size * LINE_HEIGHT
}

function rule(doc: Doc, y: number, thickness: number): number {
  const lineY = y + SECTION_GAP / 2
  doc.moveTo(MARGIN, lineY).lineTo(PAGE_WIDTH - MARGIN, lineY).lineWidth(thickness).stroke()
  return lineY + SECTION_GAP
}

/** Shortens text with an ellipsis until it fits the current font. */
function fitToWidth(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) {
    return text
  }
  let cut = text
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) {
    cut = cut.slice(0, -1)
  }
  return `${cut.trimEnd()}…`
}

// The standard PDF fonts only know WinAnsi: Latin-1 plus these characters in 0x80–0x9F.
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
// Letters without a Unicode decomposition to a base letter.
const BASE_LETTERS: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i" }

/**
 * pdfkit writes a character outside WinAnsi as garbage bytes, so each one becomes its base
 * letter where there is one ("ő" → "o", "Ł" → "L") and "?" otherwise (Cyrillic, CJK, emoji).
 */
function toWinAnsi(text: string): string {
  let out = ""
  for (const char of text.replace(/\s+/g, " ").trim()) {
    out += isWinAnsi(char) ? char : transliterate(char)
  }
  return out
}

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char)
}

function transliterate(char: string): string {
  const base = BASE_LETTERS[char] ?? char.normalize("NFKD").replace(/\p{M}/gu, "")
  return base !== "" && [...base].every(isWinAnsi) ? base : "?"
}

function present(values: (string | null | undefined)[]): string[] {
  return values.filter((value): value is string => Boolean(value && value.trim()))
}

function joinPresent(values: (string | null | undefined)[], separator: string): string {
  return present(values).join(separator)
}
