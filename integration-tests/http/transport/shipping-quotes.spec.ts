import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { expectClientError } from "../../helpers/bad-inputs"
import { shippingAddress, shopperHeaders, type StoreCart } from "../../helpers/cart"
import { attempt, ok, type Api } from "../../helpers/http"
import { createProductWithStock } from "../../helpers/product"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"
import { addHouseShipping, HOUSE_PROVIDER, setVariantParcel, type HouseShipping } from "../../helpers/transport"
import { TRANSPORT_MODULE } from "../../../src/modules/transport"
import type TransportModuleService from "../../../src/modules/transport/service"

jest.setTimeout(240_000)
delete process.env.REDIS_URL

type Quote = {
  carrier_code: string
  service_level_code: string
  amount: number
  currency_code: string
  free_shipping: boolean
  surcharges: { name: string; amount: number }[]
  delivery: { min_days: number; max_days: number; earliest: string; latest: string }
  shipping_option_id?: string | null
}
type Option = { id: string; name: string; price_type: string; amount: number }

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let f: StoreFixture
    let house: HouseShipping
    let shirt: string // 800 g, €25
    let anvil: { id: string; title: string }

    beforeAll(async () => {
      const container = getContainer()
      f = await seedStore(container, api)
      house = await addHouseShipping(container, f)
      shirt = f.product.variants[0].id
      await setVariantParcel(container, shirt, { weight: 800, length: 30, width: 20, height: 5 })
      const heavy = await createProductWithStock(container, {
        title: "Cast-iron anvil",
        salesChannelId: f.storefront.salesChannel.id,
        shippingProfileId: f.shipping.shippingProfile.id,
        stockLocationId: f.shipping.stockLocation.id,
        currencyCode: "eur",
        variants: [{ size: "One size", price: 120, stock: 5 }],
      })
      await setVariantParcel(container, heavy.variants[0].id, { weight: 40000 })
      anvil = { id: heavy.variants[0].id, title: heavy.product.title }
    })

    const headers = () => shopperHeaders(f)

    async function cartWith(lines: { variantId: string; quantity: number }[], postalCode = "80331"): Promise<StoreCart> {
      const { cart } = await ok<{ cart: StoreCart }>(api.post("/store/carts", { region_id: f.region.id }, headers()))
      for (const line of lines) {
        await ok(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: line.variantId, quantity: line.quantity }, headers()))
      }
      const address = { ...shippingAddress("de"), postal_code: postalCode, city: postalCode.startsWith("1") ? "Berlin" : "München" }
      const { cart: addressed } = await ok<{ cart: StoreCart }>(
        api.post(`/store/carts/${cart.id}`, { email: "quotes@example.com", shipping_address: address }, headers())
      )
      return addressed
    }

    /** A cart shipped with `optionId` and paid with the system provider: ready to complete. */
    async function readyCart(lines: { variantId: string; quantity: number }[], optionId: string): Promise<StoreCart> {
      const cart = await cartWith(lines)
      await ok(api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: optionId }, headers()))
      const { payment_collection } = await ok<{ payment_collection: { id: string } }>(
        api.post("/store/payment-collections", { cart_id: cart.id }, headers())
      )
      await ok(api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers()))
      return cart
    }

    const optionsFor = async (cartId: string) =>
      (await ok<{ shipping_options: Option[] }>(api.get(`/store/shipping-options?cart_id=${cartId}`, headers()))).shipping_options

    describe("Medusa's own checkout prices the house carrier from the rate table", () => {
      it("lists Standard and Express with calculated prices next to the flat option", async () => {
        const cart = await cartWith([{ variantId: shirt, quantity: 1 }])
        const options = await optionsFor(cart.id)
        const byId = new Map(options.map((option) => [option.id, option]))
        expect(byId.get(house.standardOptionId)).toMatchObject({ price_type: "calculated" })
        expect(byId.get(house.expressOptionId)).toMatchObject({ price_type: "calculated" })
        expect(byId.get(f.shipping.shippingOption.id)).toMatchObject({ price_type: "flat", amount: 10 })

        // The storefront asks for each calculated price (the Next.js starter does exactly this).
        const calculate = async (optionId: string) =>
          (await ok<{ shipping_option: Option }>(api.post(`/store/shipping-options/${optionId}/calculate`, { cart_id: cart.id }, headers())))
            .shipping_option.amount
        // 800 g to Munich: the 1 kg bracket of the Germany zone.
        expect(await calculate(house.standardOptionId)).toBe(4.9)
        expect(await calculate(house.expressOptionId)).toBe(9.9)
      })

      it("re-prices the chosen method when the cart changes: heavier costs more, over €50 ships free", async () => {
        const cart = await cartWith([{ variantId: shirt, quantity: 1 }])
        let { cart: withMethod } = await ok<{ cart: StoreCart & { shipping_total: number } }>(
          api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: house.expressOptionId }, headers())
        )
        expect(withMethod.shipping_total).toBe(9.9)

        // Two shirts: 1.6 kg, the 2 kg bracket.
        const lineId = withMethod.items![0].id
        ;({ cart: withMethod } = await ok(api.post(`/store/carts/${cart.id}/line-items/${lineId}`, { quantity: 2 }, headers())))
        expect(withMethod.shipping_total).toBe(11.9)

        // €50 reaches Germany's free-shipping threshold, for Standard only.
        ;({ cart: withMethod } = await ok(api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: house.standardOptionId }, headers())))
        expect(withMethod.shipping_total).toBe(0)
      })

      it("refuses an item too heavy to ship with a 400 naming it, never a zero price", async () => {
        const cart = await cartWith([{ variantId: shirt, quantity: 1 }, { variantId: anvil.id, quantity: 1 }])
        const result = await attempt(api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: house.standardOptionId }, headers()))
        expect(result.status).toBe(400)
        expect(result.data.message).toContain(`"${anvil.title} (One size)" weighs 40 kg to ship, over the 31.5 kg limit`)
      })

      it("completes an order whose shipping the rate table priced", async () => {
        const ready = await readyCart([{ variantId: shirt, quantity: 1 }], house.standardOptionId)
        const completed = await ok<{ type: string; order: { id: string; shipping_total: number; shipping_methods: { amount: number; name: string }[] } }>(
          api.post(`/store/carts/${ready.id}/complete`, {}, headers())
        )
        expect(completed.type).toBe("order")
        expect(completed.order.shipping_methods).toEqual([expect.objectContaining({ name: "House standard", amount: 4.9 })])
      })
    })

    describe("POST /store/shipping-quotes", () => {
      it("quotes a cart: every service cheapest first, with its window and the option that books it", async () => {
        const cart = await cartWith([{ variantId: shirt, quantity: 1 }], "10115")
        const { quotes, currency_code } = await ok<{ quotes: Quote[]; currency_code: string }>(
          api.post("/store/shipping-quotes", { cart_id: cart.id }, headers())
        )
        expect(currency_code).toBe("eur")
        expect(quotes.map((quote) => [quote.service_level_code, quote.amount, quote.shipping_option_id])).toEqual([
          ["standard", 4.9, house.standardOptionId],
          ["express", 9.9, house.expressOptionId],
          // Same-day exists in Berlin's rate table, but the store sells it as no shipping option.
          ["same_day", 14.9, null],
        ])
        expect(quotes[0].delivery).toMatchObject({ min_days: 2, max_days: 4 })
        expect(quotes[0].delivery.earliest <= quotes[0].delivery.latest).toBe(true)
      })

      it("quotes items for a product page, with a destination's surcharge and the region's currency", async () => {
        const { quotes } = await ok<{ quotes: Quote[] }>(
          api.post(
            "/store/shipping-quotes",
            { items: [{ variant_id: shirt, quantity: 1 }], destination: { country_code: "FR", postal_code: "20000" }, region_id: f.region.id },
            headers()
          )
        )
        expect(quotes[0]).toMatchObject({
          service_level_code: "standard",
          amount: 15.8,
          surcharges: [{ name: "Corsica", amount: 6.9 }],
        })
        expect(quotes[0]).not.toHaveProperty("shipping_option_id")
      })

      it("answers a rate-table edit on the next quote", async () => {
        const transport = getContainer().resolve<TransportModuleService>(TRANSPORT_MODULE)
        const table = await transport.getRateTable()
        await transport.replaceRateTable({
          ...table,
          rates: table.rates.map((rate) => (rate.zone_name === "Germany" && rate.service_level_code === "standard" && rate.max_weight_g === 1000 ? { ...rate, amount: 550 } : rate)),
        })
        const body = { items: [{ variant_id: shirt, quantity: 1 }], destination: { country_code: "de", postal_code: "80331" }, currency_code: "eur" }
        const { quotes } = await ok<{ quotes: Quote[] }>(api.post("/store/shipping-quotes", body, headers()))
        expect(quotes[0]).toMatchObject({ service_level_code: "standard", amount: 5.5 })
        await transport.replaceRateTable(table)
      })

      it("names what cannot ship", async () => {
        const tooHeavy = await attempt(
          api.post("/store/shipping-quotes", { items: [{ variant_id: anvil.id, quantity: 1 }], destination: { country_code: "de" }, currency_code: "eur" }, headers())
        )
        expect(tooHeavy.status).toBe(400)
        expect(tooHeavy.data.message).toContain(anvil.title)

        const nowhere = await attempt(
          api.post("/store/shipping-quotes", { items: [{ variant_id: shirt, quantity: 1 }], destination: { country_code: "jp", postal_code: "100-0001" }, currency_code: "eur" }, headers())
        )
        expect(nowhere).toMatchObject({ status: 400, data: { message: "We do not ship to JP 1000001." } })
      })

      it.each([
        ["both a cart and items", { cart_id: "cart_x", items: [{ variant_id: "v", quantity: 1 }] }],
        ["items without a destination", { items: [{ variant_id: "v", quantity: 1 }], currency_code: "eur" }],
        ["items without a currency", { items: [{ variant_id: "v", quantity: 1 }], destination: { country_code: "de" } }],
        ["a three-letter country", { items: [{ variant_id: "v", quantity: 1 }], destination: { country_code: "deu" }, currency_code: "eur" }],
        ["a zero quantity", { items: [{ variant_id: "v", quantity: 0 }], destination: { country_code: "de" }, currency_code: "eur" }],
        ["an unknown field", { cart_id: "cart_x", coupon: "FREE" }],
        ["a filter injection as currency", { items: [{ variant_id: "v", quantity: 1 }], destination: { country_code: "de" }, currency_code: "eur' OR 1=1" }],
      ])("refuses %s with a 400", async (_label, body) => {
        const result = await attempt(api.post("/store/shipping-quotes", body, headers()))
        expectClientError(result, String(_label))
        expect(result.status).toBe(400)
      })

      it("answers 404 for an unknown cart or variant", async () => {
        expect((await attempt(api.post("/store/shipping-quotes", { cart_id: "cart_missing" }, headers()))).status).toBe(404)
        const unknownVariant = await attempt(
          api.post("/store/shipping-quotes", { items: [{ variant_id: "variant_missing", quantity: 1 }], destination: { country_code: "de" }, currency_code: "eur" }, headers())
        )
        expect(unknownVariant).toMatchObject({ status: 404, data: { message: "Variant with id: variant_missing was not found" } })
      })
    })

    describe("labels on fulfillment", () => {
      it("books a shipment with an S10 tracking number and a PDF label, and voids it when the fulfillment is canceled", async () => {
        const container = getContainer()
        const ready = await readyCart([{ variantId: shirt, quantity: 2 }], house.expressOptionId)
        const { order } = await ok<{ order: { id: string } }>(api.post(`/store/carts/${ready.id}/complete`, {}, headers()))

        const admin = f.admin.headers
        const { order: detailed } = await ok<{ order: { items: { id: string; quantity: number }[] } }>(api.get(`/admin/orders/${order.id}?fields=*items`, admin))
        const items = detailed.items.map((item) => ({ id: item.id, quantity: item.quantity }))
        const { order: fulfilled } = await ok<{ order: { fulfillments: { id: string; labels: { tracking_number: string; tracking_url: string; label_url: string }[] }[] } }>(
          api.post(`/admin/orders/${order.id}/fulfillments?fields=fulfillments.id,fulfillments.labels.*`, { items, location_id: f.shipping.stockLocation.id }, admin)
        )
        const fulfillment = fulfilled.fulfillments[0]
        const [label] = fulfillment.labels
        expect(label.tracking_number).toMatch(/^EH\d{9}DE$/)
        expect(label.tracking_url).toBe(`https://track.example.com/house/${label.tracking_number}`)

        const transport = container.resolve<TransportModuleService>(TRANSPORT_MODULE)
        const [shipment] = await transport.listTransportShipments({ fulfillment_id: fulfillment.id })
        expect(shipment).toMatchObject({
          order_id: order.id,
          carrier_code: "house",
          service_level_code: "express",
          tracking_number: label.tracking_number,
          status: "label_created",
          weight_g: 1600,
          label_url: label.label_url,
        })
        const pdf = await container.resolve(Modules.FILE).getAsBuffer(shipment.label_file_id!)
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")

        await ok(api.post(`/admin/orders/${order.id}/fulfillments/${fulfillment.id}/cancel`, {}, admin))
        const voided = await transport.retrieveTransportShipment(shipment.id)
        expect(voided).toMatchObject({ status: "voided" })
        expect(voided.voided_at).not.toBeNull()
      })

      it("books a return label from the customer back to the warehouse when a return ships with the house carrier", async () => {
        const container = getContainer()
        const admin = f.admin.headers
        const { result } = await createShippingOptionsWorkflow(container).run({
          input: [
            {
              name: "House return",
              // The merchant pays a flat fee for returns; the label still comes from the carrier.
              price_type: "flat" as const,
              provider_id: HOUSE_PROVIDER,
              data: { id: "house:standard:return", carrier_code: "house", service_level_code: "standard", is_return: true },
              service_zone_id: f.shipping.serviceZone.id,
              shipping_profile_id: f.shipping.shippingProfile.id,
              type: { label: "Return", description: "Return by house carrier", code: "house-return" },
              prices: [{ currency_code: "eur", amount: 0 }],
              rules: [
                { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
                { attribute: "is_return", operator: "eq" as const, value: "true" },
              ],
            },
          ],
        })
        const ready = await readyCart([{ variantId: shirt, quantity: 1 }], house.standardOptionId)
        const { order } = await ok<{ order: { id: string } }>(api.post(`/store/carts/${ready.id}/complete`, {}, headers()))
        const { order: detailed } = await ok<{ order: { items: { id: string; quantity: number }[] } }>(api.get(`/admin/orders/${order.id}?fields=*items`, admin))
        const items = detailed.items.map((item) => ({ id: item.id, quantity: item.quantity }))
        const { order: fulfilled } = await ok<{ order: { fulfillments: { id: string }[] } }>(
          api.post(`/admin/orders/${order.id}/fulfillments?fields=fulfillments.id`, { items, location_id: f.shipping.stockLocation.id }, admin)
        )
        await ok(api.post(`/admin/orders/${order.id}/fulfillments/${fulfilled.fulfillments[0].id}/shipments`, { items }, admin))

        const { return: created } = await ok<{ return: { id: string } }>(api.post("/admin/returns", { order_id: order.id, location_id: f.shipping.stockLocation.id }, admin))
        await ok(api.post(`/admin/returns/${created.id}/request-items`, { items }, admin))
        await ok(api.post(`/admin/returns/${created.id}/shipping-method`, { shipping_option_id: result[0].id }, admin))
        await ok(api.post(`/admin/returns/${created.id}/request`, {}, admin))

        const transport = container.resolve<TransportModuleService>(TRANSPORT_MODULE)
        const shipments = await transport.listTransportShipments({ order_id: order.id })
        const returned = shipments.find((shipment) => shipment.is_return)
        expect(returned).toMatchObject({ carrier_code: "house", service_level_code: "standard", status: "label_created", weight_g: 800 })
        // Return labels carry their own service letters, and the customer's country of origin.
        expect(returned!.tracking_number).toMatch(/^RH\d{9}DE$/)
        const pdf = await container.resolve(Modules.FILE).getAsBuffer(returned!.label_file_id!)
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
      })
    })
  },
})
