import bwipjs from "bwip-js"
import { inflateSync } from "zlib"
import type { Address } from "../carriers/types"
import { type LabelInput, renderLabelPdf } from "../labels/render-label"

const warehouse: Address = {
  name: "Emporium Warehouse",
  address_1: "Lagerstraße 5",
  postal_code: "20457",
  city: "Hamburg",
  country_code: "de",
}

const customer: Address = {
  name: "Jane Doe",
  company: "Doe & Daughters Ltd",
  address_1: "2 Elm Road",
  address_2: "Flat 3",
  postal_code: "SW1A 1AA",
  city: "London",
  country_code: "gb",
  phone: "+44 20 7946 0000",
}

const label = (overrides: Partial<LabelInput> = {}): LabelInput => ({
  carrier_name: "Emporium Express",
  service_level_name: "Next Day",
  tracking_number: "EMP1234567890",
  tracking_url: "https://track.example.com/EMP1234567890",
  from: warehouse,
  to: customer,
  weight_g: 1250,
  reference: "#10042",
  is_return: false,
  items: [{ title: "Espresso cup", sku: "CUP-1", quantity: 2 }],
  created_at: new Date("2025-03-04T10:00:00Z"),
  ...overrides,
})

describe("renderLabelPdf", () => {
  it("renders one 4×6 in page with the recipient, tracking number and label facts as text", async () => {
    const pdf = await renderLabelPdf(label())

    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect(pdf.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true)
    const doc = readPdf(pdf)
    expect(doc.pages).toHaveLength(1)
    expect(doc.pages[0].dict).toMatch(/\/MediaBox \[0 0 288 432\]/)
    const lines = doc.textLines(doc.pages[0])
    expect(lines).toEqual(
      expect.arrayContaining(["Jane Doe", "SW1A 1AA London", "GB", "EMP1234567890", "1.3 kg", "#10042", "2025-03-04"])
    )
    expect(lines).toContain("2 × Espresso cup (CUP-1)")
    expect(lines).not.toContain("RETURN")
  })

  it("shows the RETURN banner on return labels only", async () => {
    const lines = (pdf: Buffer) => {
      const doc = readPdf(pdf)
      return doc.textLines(doc.pages[0])
    }

    expect(lines(await renderLabelPdf(label({ is_return: true })))).toContain("RETURN")
    expect(lines(await renderLabelPdf(label({ is_return: false })))).not.toContain("RETURN")
  })

  it("embeds the tracking number as a Code 128 barcode image", async () => {
    const doc = readPdf(await renderLabelPdf(label({ tracking_number: "1Z999AA10123456784" })))

    const images = doc.images(doc.pages[0])
    expect(images).toHaveLength(1)
    // Bar and space widths, in modules, that Code 128 prescribes for this tracking number.
    const [symbol] = bwipjs.raw("code128", "1Z999AA10123456784")
    if (!("sbs" in symbol)) throw new Error("Code 128 is a linear symbol")
    expect(barWidthsInModules(images[0])).toEqual(symbol.sbs)
  })

  it("sets the title and creation date, and renders the same input to the same bytes", async () => {
    const pdf = await renderLabelPdf(label())

    const info = readPdf(pdf).info()
    expect(info.Title).toBe("(Label EMP1234567890)")
    expect(info.CreationDate).toBe("(D:20250304100000Z)")
    expect((await renderLabelPdf(label())).equals(pdf)).toBe(true)
  })

  it("replaces characters the standard fonts cannot show instead of failing", async () => {
    const to = { ...customer, name: "Łukasz Żółć 北京 😀", city: "Łódź" }

    const doc = readPdf(await renderLabelPdf(label({ to })))

    expect(doc.textLines(doc.pages[0])).toEqual(expect.arrayContaining(["Lukasz Zólc ?? ?", "SW1A 1AA Lódz"]))
  })

  it("lists at most six item lines, the last one counting the items left out", async () => {
    const items = Array.from({ length: 9 }, (_, i) => ({ title: `Item ${i + 1}`, quantity: 1 }))

    const doc = readPdf(await renderLabelPdf(label({ items })))

    const lines = doc.textLines(doc.pages[0])
    const listed = lines.slice(lines.indexOf("CONTENTS") + 1)
    expect(listed).toEqual(["1 × Item 1", "1 × Item 2", "1 × Item 3", "1 × Item 4", "1 × Item 5", "+4 more"])
  })
})

type PdfObject = { dict: string; stream?: Buffer }
type Image = { width: number; height: number; rgb: Buffer }

/**
 * A reader for what pdfkit writes, enough for these assertions: numbered objects (streams
 * inflated), the page tree, each text-showing operator's string, and the page's images.
 */
function readPdf(pdf: Buffer) {
  const objects = readObjects(pdf)
  const object = (ref: string) => {
    const found = objects.get(Number(ref))
    if (!found) throw new Error(`no object ${ref}`)
    return found
  }
  const refIn = (dict: string, key: string) => {
    const match = dict.match(new RegExp(`/${key} (\\d+) 0 R`))
    if (!match) throw new Error(`no /${key} in ${dict}`)
    return match[1]
  }
  const trailer = pdf.toString("latin1").slice(pdf.lastIndexOf("trailer"))
  const pageTree = object(refIn(object(refIn(trailer, "Root")).dict, "Pages")).dict
  const pages = [...pageTree.matchAll(/(\d+) 0 R/g)].map(([, ref]) => object(ref))
  expect(pageTree).toMatch(new RegExp(`/Count ${pages.length}\\b`))

  return {
    pages,
    info: () =>
      Object.fromEntries(
        [...object(refIn(trailer, "Info")).dict.matchAll(/\/(\w+) (\d+) 0 R/g)].map(([, key, ref]) => [key, object(ref).dict])
      ),
    /** pdfkit writes each line as one TJ array of hex strings (split where it kerns). */
    textLines: (page: PdfObject) =>
      [...contentOf(object(refIn(page.dict, "Contents"))).matchAll(/\[([^\]]*)\] TJ/g)].map(([, array]) =>
        winAnsi.decode(Buffer.from([...array.matchAll(/<([0-9a-f]*)>/g)].map(([, hex]) => hex).join(""), "hex"))
      ),
    images: (page: PdfObject): Image[] => {
      const xObjects = object(refIn(page.dict, "Resources")).dict.match(/\/XObject <<([^>]*)>>/)?.[1] ?? ""
      return [...xObjects.matchAll(/(\d+) 0 R/g)].map(([, ref]) => imageOf(object(ref)))
    },
  }
}

const winAnsi = new TextDecoder("windows-1252")

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1")
  const objects = new Map<number, PdfObject>()
  const header = /(\d+) 0 obj\n/g
  for (let match = header.exec(text); match; match = header.exec(text)) {
    // Binary stream data only starts after "stream", so the first of the two words ends the dictionary.
    const end = text.slice(header.lastIndex).search(/\bstream\n|endobj/)
    const dict = text.slice(header.lastIndex, header.lastIndex + end).trim()
    const object: PdfObject = { dict }
    if (text.startsWith("stream\n", header.lastIndex + end)) {
      const start = header.lastIndex + end + "stream\n".length
      const length = Number(dict.match(/\/Length (\d+)/)?.[1])
      const raw = pdf.subarray(start, start + length)
      object.stream = /\/Filter \/FlateDecode/.test(dict) ? inflateSync(raw) : raw
      header.lastIndex = start + length
    }
    objects.set(Number(match[1]), object)
  }
  return objects
}

function contentOf(object: PdfObject): string {
  if (!object.stream) throw new Error(`not a stream: ${object.dict}`)
  return object.stream.toString("latin1")
}

function imageOf(object: PdfObject): Image {
  // The decoding below reads 8-bit RGB samples without a PNG predictor; make sure that is what is there.
  expect(object.dict).toMatch(/\/Subtype \/Image/)
  expect(object.dict).toMatch(/\/ColorSpace \/DeviceRGB/)
  expect(object.dict).toMatch(/\/BitsPerComponent 8/)
  expect(object.dict).not.toMatch(/\/DecodeParms/)
  const width = Number(object.dict.match(/\/Width (\d+)/)?.[1])
  const height = Number(object.dict.match(/\/Height (\d+)/)?.[1])
  if (!object.stream) throw new Error("image without data")
  expect(object.stream).toHaveLength(width * height * 3)
  return { width, height, rgb: object.stream }
}

/** Reads the widths of the bars and spaces across the image's middle row, in modules. */
function barWidthsInModules(image: Image): number[] {
  const row = Math.floor(image.height / 2)
  const runs: number[] = []
  let previous: boolean | undefined
  for (let x = 0; x < image.width; x++) {
    const dark = image.rgb[(row * image.width + x) * 3] < 128
    if (dark === previous) {
      runs[runs.length - 1]++
    } else {
      runs.push(1)
      previous = dark
    }
  }
  // Every Code 128 start character has a one-module element, so the narrowest run is one module.
  const module = Math.min(...runs)
  return runs.map((run) => run / module)
}
