import {
  DEFAULT_LOCALE,
  SUPPORTED_LOCALES,
  TEMPLATES,
  isTemplateName,
  listTemplates,
  renderTemplate,
  resolveLocale,
  type RenderContext,
  type TemplateData,
  type TemplateName,
} from "../index"

const branding = {
  storeName: "Nordlicht Supply",
  primaryColor: "#0a7d5a",
  supportEmail: "hello@nordlicht.example",
  address: "Nordlicht Supply GmbH\nTorstraße 101\n10119 Berlin",
}

const context = (overrides: Partial<RenderContext> = {}): RenderContext => ({ locale: "en", branding, ...overrides })

const templateNames = Object.keys(TEMPLATES) as TemplateName[]

// Intl separates amount and sign with a non-breaking space in German and French.
const NBSP = "\u00a0"

function orderPlacedData(): TemplateData["order-placed"] {
  const sample = TEMPLATES["order-placed"].sample
  return {
    ...sample,
    order: { ...sample.order, shipping_address: { ...sample.order.shipping_address, city: "Potsdam", postal_code: "14467" } },
  }
}

describe("resolveLocale", () => {
  it.each([
    ["de-DE", "de"],
    ["DE", "de"],
    ["fr_CA", "fr"],
    ["en-GB", "en"],
    ["es", "en"],
    ["", "en"],
    [null, "en"],
    [undefined, "en"],
  ])("resolves %p to %p", (requested, expected) => {
    expect(resolveLocale(requested)).toBe(expected)
  })

  it("uses the given fallback, and English when the fallback is unsupported too", () => {
    expect(resolveLocale("es", "de-AT")).toBe("de")
    expect(resolveLocale("es", "pt")).toBe(DEFAULT_LOCALE)
  })
})

describe("template registry", () => {
  it("lists every template with its audience, category and locales", () => {
    const listed = listTemplates()
    expect(listed.map((t) => t.name).sort()).toEqual([...templateNames].sort())
    expect(listed).toHaveLength(11)
    for (const entry of listed) {
      expect(entry.description.length).toBeGreaterThan(10)
      expect(entry.locales).toEqual([...SUPPORTED_LOCALES])
    }
    const byName = Object.fromEntries(listed.map((t) => [t.name, t]))
    expect(byName["abandoned-cart"].category).toBe("marketing")
    expect(listed.filter((t) => t.category === "marketing").map((t) => t.name)).toEqual(["abandoned-cart"])
    expect(byName["back-in-stock"]).toMatchObject({ audience: "customer", category: "transactional" })
    expect(listed.filter((t) => t.audience === "merchant").map((t) => t.name).sort()).toEqual([
      "fraud-review",
      "stock-alert",
    ])
  })

  it("recognises template names", () => {
    expect(isTemplateName("order-placed")).toBe(true)
    expect(isTemplateName("order-exploded")).toBe(false)
    expect(isTemplateName("toString")).toBe(false)
    expect(isTemplateName(42)).toBe(false)
  })

  it("rejects an unknown template name with a clear error", async () => {
    const render = renderTemplate as (name: string, data: unknown, ctx: RenderContext) => Promise<unknown>
    await expect(render("order-exploded", {}, context())).rejects.toThrow(/Unknown notification template "order-exploded"/)
  })
})

describe.each(templateNames)("%s", (name) => {
  it.each([...SUPPORTED_LOCALES])("renders its sample in %s", async (locale) => {
    const message = await renderTemplate(name, TEMPLATES[name].sample, context({ locale }))

    expect(message.subject.trim()).not.toBe("")
    expect(message.html).toContain(`lang="${locale}"`)
    expect(message.text.trim()).not.toBe("")
    expect(message.sms.trim()).not.toBe("")
    expect(message.sms).not.toMatch(/[\n\u00a0\u202f]/)
    expect(message.push.title.trim()).not.toBe("")
    expect(message.push.body.trim()).not.toBe("")
    // A placeholder left in the output means a dictionary and its template disagree.
    for (const part of [message.subject, message.text, message.sms, message.push.title, message.push.body]) {
      expect(part).not.toMatch(/\{\w+\}/)
    }
  })

  it("shows the store's name and colour", async () => {
    const { html } = await renderTemplate(name, TEMPLATES[name].sample, context())
    expect(html).toContain("Nordlicht Supply")
    expect(html).toContain("#0a7d5a")
  })
})

describe("order-placed", () => {
  it("lists each item, the total and the shipping address in the HTML and the text", async () => {
    const data = orderPlacedData()
    const { html, text, subject } = await renderTemplate("order-placed", data, context())

    expect(subject).toBe("Your order #1042 is confirmed")
    for (const part of [html, text]) {
      for (const item of data.order.items) expect(part).toContain(item.title)
      expect(part).toContain("M / Sand")
      expect(part).toContain("€86.99")
      expect(part).toContain("€78.00")
      expect(part).toContain("-€7.80")
      expect(part).toContain("€11.80")
      expect(part).toContain("14467 Potsdam")
      expect(part).toContain("Hoffmann Grafikdesign")
      expect(part).toContain("DHL Standard")
    }
    expect(text).toMatch(/Total\s+€86\.99/)
  })

  it("formats money the German way and speaks German", async () => {
    const english = await renderTemplate("order-placed", orderPlacedData(), context({ locale: "en" }))
    const german = await renderTemplate("order-placed", orderPlacedData(), context({ locale: "de-DE" }))

    expect(german.subject).not.toBe(english.subject)
    expect(german.subject).toBe("Ihre Bestellung #1042 ist bestätigt")
    expect(german.html).toContain(`86,99${NBSP}€`)
    expect(german.text).toContain(`86,99${NBSP}€`)
    expect(german.text).toContain("Lieferadresse")
    expect(german.text).toContain("Deutschland")
    expect(german.text).toContain("04.03.2025")
    // SMS gateways get plain spaces (a non-breaking one would force UCS-2).
    expect(german.sms).toContain("86,99 €")
  })

  it("speaks French with French formats", async () => {
    const french = await renderTemplate("order-placed", orderPlacedData(), context({ locale: "fr" }))
    expect(french.subject).toBe(`Votre commande n°${NBSP}1042 est confirmée`)
    expect(french.text).toContain(`86,99${NBSP}€`)
    expect(french.text).toContain("4 mars 2025")
  })

  it("falls back to English for a locale it has no strings for", async () => {
    const spanish = await renderTemplate("order-placed", orderPlacedData(), context({ locale: "es" }))
    expect(spanish.subject).toBe("Your order #1042 is confirmed")
    expect(spanish.html).toContain('lang="en"')
    expect(spanish.text).toContain("€86.99")
  })

  it("escapes markup that comes in with the data", async () => {
    const data = orderPlacedData()
    data.order.items[0] = { ...data.order.items[0], title: `Shirt <script>alert("x")</script>` }
    const { html, text } = await renderTemplate("order-placed", data, context())

    expect(html).not.toContain("<script>")
    expect(html).toContain("&lt;script&gt;")
    expect(text).toContain(`Shirt <script>alert("x")</script>`)
  })

  it("leaves out the discount line when there is no discount", async () => {
    const data = orderPlacedData()
    data.order = { ...data.order, discount_total: 0 }
    const { text } = await renderTemplate("order-placed", data, context())
    expect(text).not.toContain("Discount")
  })
})

describe("footer", () => {
  const unsubscribeUrl = "https://shop.example.com/notifications/unsubscribe?token=abc123"

  it("carries an unsubscribe link in HTML and text only when an unsubscribe URL is given", async () => {
    const sample = TEMPLATES["abandoned-cart"].sample
    const withLink = await renderTemplate("abandoned-cart", sample, context({ unsubscribeUrl }))
    expect(withLink.html).toContain(`href="${unsubscribeUrl}"`)
    expect(withLink.html).toContain("Unsubscribe")
    expect(withLink.text).toContain(unsubscribeUrl)
    expect(withLink.text).toContain("Unsubscribe")

    const withoutLink = await renderTemplate("abandoned-cart", sample, context())
    expect(withoutLink.html).not.toContain("Unsubscribe")
    expect(withoutLink.text).not.toContain("Unsubscribe")
  })

  it("localizes the unsubscribe link", async () => {
    const sample = TEMPLATES["abandoned-cart"].sample
    const { text } = await renderTemplate("abandoned-cart", sample, context({ locale: "de", unsubscribeUrl }))
    expect(text).toContain(`Abmelden ${unsubscribeUrl}`)
  })

  it("shows support e-mail and postal address to customers", async () => {
    const { html, text } = await renderTemplate("welcome", TEMPLATES.welcome.sample, context())
    expect(html).toContain('href="mailto:hello@nordlicht.example"')
    expect(text).toContain("Torstraße 101")
  })

  it("shows the logo instead of the store name when there is one", async () => {
    const logoUrl = "https://cdn.example.com/nordlicht-logo.png"
    const { html } = await renderTemplate("welcome", TEMPLATES.welcome.sample, context({ branding: { ...branding, logoUrl } }))
    expect(html).toMatch(/<img[^>]+alt="Nordlicht Supply"[^>]+src="https:\/\/cdn\.example\.com\/nordlicht-logo\.png"|<img[^>]+src="https:\/\/cdn\.example\.com\/nordlicht-logo\.png"[^>]+alt="Nordlicht Supply"/)
  })
})

describe("shipment-shipped", () => {
  const sample = TEMPLATES["shipment-shipped"].sample

  it("links to the carrier's tracking page", async () => {
    const { html, text, sms, push } = await renderTemplate("shipment-shipped", sample, context())
    expect(html).toContain("Track your parcel")
    expect(html).toContain(`href="${sample.shipment.tracking_url}"`)
    expect(text).toContain(sample.shipment.tracking_number)
    expect(text).toContain("Linen Shirt")
    expect(sms).toContain(sample.shipment.tracking_url)
    expect(push.url).toBe(sample.shipment.tracking_url)
  })

  it("shows the tracking number without a button when there is no tracking URL", async () => {
    const data = { ...sample, shipment: { ...sample.shipment, tracking_url: null } }
    const { html, text, sms, push } = await renderTemplate("shipment-shipped", data, context())
    expect(html).not.toContain("Track your parcel")
    expect(text).not.toContain("Track your parcel")
    expect(html).toContain(sample.shipment.tracking_number)
    expect(text).toContain(sample.shipment.tracking_number)
    expect(sms).toContain(sample.shipment.tracking_number)
    expect(push.url).toBeUndefined()
  })

  it("never puts a script URL behind the button", async () => {
    const data = { ...sample, shipment: { ...sample.shipment, tracking_url: "javascript:alert(1)" } }
    const { html } = await renderTemplate("shipment-shipped", data, context())
    expect(html).not.toContain("javascript:")
    expect(html).not.toContain("Track your parcel")
  })
})

describe("customer messages", () => {
  it("welcome greets by first name, or generically without one", async () => {
    const named = await renderTemplate("welcome", TEMPLATES.welcome.sample, context())
    expect(named.text).toContain("Welcome, Lena!")
    const anonymous = await renderTemplate(
      "welcome",
      { ...TEMPLATES.welcome.sample, customer: { email: "anon@example.com", first_name: null } },
      context({ locale: "fr" })
    )
    expect(anonymous.text).toContain(`Bienvenue${NBSP}!`)
    expect(anonymous.subject).toBe("Bienvenue chez Nordlicht Supply")
  })

  it("password-reset has the link, the expiry and what to do if you didn't ask", async () => {
    const sample = TEMPLATES["password-reset"].sample
    const { html, text } = await renderTemplate("password-reset", sample, context())
    expect(html).toContain(`href="${sample.reset_url}"`)
    expect(text).toContain("expires in 15 minutes")
    expect(text).toContain("If you didn't ask for this")
  })

  it("refund-issued shows the amount and the reason", async () => {
    const { subject, text } = await renderTemplate("refund-issued", TEMPLATES["refund-issued"].sample, context({ locale: "de" }))
    expect(subject).toBe(`Ihre Erstattung über 29,00${NBSP}€ für Bestellung #1042`)
    expect(text).toContain("Returned item")
  })

  it("shipment-delivered shows the delivery date", async () => {
    const { text } = await renderTemplate("shipment-delivered", TEMPLATES["shipment-delivered"].sample, context())
    expect(text).toContain("Mar 6, 2025")
  })

  it("abandoned-cart lists the items, the total and a way back to checkout", async () => {
    const sample = TEMPLATES["abandoned-cart"].sample
    const { html, text } = await renderTemplate("abandoned-cart", sample, context())
    expect(text).toContain("Canvas Tote Bag")
    expect(text).toContain("€29.00")
    expect(text).toContain("€82.99")
    expect(html).toContain("Complete your order")
    expect(html).toContain(`href="${sample.resume_url}"`)
  })

  it("back-in-stock names the product and links to it", async () => {
    const sample = TEMPLATES["back-in-stock"].sample
    const { subject, html } = await renderTemplate("back-in-stock", sample, context())
    expect(subject).toBe("Linen Shirt (M / Sand) is back in stock")
    expect(html).toContain(`href="${sample.product.url}"`)
  })
})

describe("merchant messages", () => {
  it("fraud-review shows score, level in the reader's language, reasons and the review link", async () => {
    const sample = TEMPLATES["fraud-review"].sample
    const { subject, html, text } = await renderTemplate("fraud-review", sample, context({ locale: "de" }))
    expect(subject).toBe("Bestellung #1042 prüfen: Betrugsrisiko hoch")
    expect(text).toContain("82")
    for (const reason of sample.assessment.reasons) expect(text).toContain(reason)
    expect(html).toContain(`href="${sample.review_url}"`)
    expect(text).toContain("Interne Benachrichtigung")
  })

  it("stock-alert words low stock and sold out differently", async () => {
    const sample = TEMPLATES["stock-alert"].sample
    const low = await renderTemplate("stock-alert", sample, context())
    const out = await renderTemplate("stock-alert", { ...sample, kind: "out_of_stock", available_quantity: 0 }, context())

    expect(low.subject).toBe("Low stock: Linen Shirt M / Sand at Berlin Warehouse")
    expect(out.subject).toBe("Out of stock: Linen Shirt M / Sand at Berlin Warehouse")
    expect(low.text).toContain("LIN-SHIRT-M-SAND")
    expect(low.text).toMatch(/Available\s+3/)
    expect(low.text).toMatch(/Alert threshold\s+5/)
    expect(low.html).toContain(`href="${sample.inventory_url}"`)
  })
})

describe("multi-byte text at React's 2 KB chunk boundaries", () => {
  it("never leaves NUL bytes in the HTML or text, whatever the length of the content before a multi-byte character", async () => {
    const sample = TEMPLATES["order-placed"].sample
    for (let pad = 0; pad < 48; pad++) {
      const data = { ...sample, order: { ...sample.order, items: sample.order.items.map((i) => ({ ...i, title: `${"x".repeat(pad)}Größe €` })) } }
      const rendered = await renderTemplate("order-placed", data, { locale: "en", branding: { storeName: "Emporium", primaryColor: "#111827" } })
      expect([pad, rendered.html.includes("\u0000"), rendered.text.includes("\u0000")]).toEqual([pad, false, false])
      expect(rendered.html).toContain(`${"x".repeat(pad)}Größe €`)
    }
  })
})
