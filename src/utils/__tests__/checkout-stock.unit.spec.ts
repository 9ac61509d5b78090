import { outOfStockError, planCheckoutDemands, shopperTitle, type SnapshotCart } from "../checkout-stock"

const channel = "sc_web"
const level = (location: string, stocked: number, reserved: number, channels = [channel]) => ({
  location_id: location,
  stocked_quantity: stocked,
  reserved_quantity: reserved,
  stock_locations: [{ id: location, sales_channels: channels.map((id) => ({ id })) }],
})
const line = (id: string, variant: string, quantity: number, links: { item: string; required: number; levels: ReturnType<typeof level>[] }[], extra = {}) => ({
  id,
  quantity,
  product_title: "Tennis balls",
  variant_title: variant,
  variant_id: `variant_${variant}`,
  variant: {
    id: `variant_${variant}`,
    manage_inventory: true,
    allow_backorder: false,
    ...extra,
    inventory_items: links.map((l) => ({
      inventory_item_id: l.item,
      required_quantity: l.required,
      inventory: { location_levels: l.levels },
    })),
  },
})
const cart = (items: ReturnType<typeof line>[]): SnapshotCart => ({ id: "cart_1", sales_channel_id: channel, items })

describe("planCheckoutDemands: where completeCartWorkflow will reserve", () => {
  it("multiplies each line by its required quantity and keeps lines of one item apart (the claim sums them)", () => {
    const levels = [level("sloc_a", 5, 0)]
    const demands = planCheckoutDemands(
      cart([
        line("li_1", "Pack of 2", 2, [{ item: "iitem_ball", required: 2, levels }]),
        line("li_2", "Single", 2, [{ item: "iitem_ball", required: 1, levels }]),
      ])
    )
    expect(demands).toEqual([
      { inventory_item_id: "iitem_ball", location_id: "sloc_a", quantity: 4, title: "Tennis balls (Pack of 2)" },
      { inventory_item_id: "iitem_ball", location_id: "sloc_a", quantity: 2, title: "Tennis balls (Single)" },
    ])
  })

  it("picks the first channel location whose snapshot availability covers the line, else the first that stocks the item", () => {
    const levels = [level("sloc_a", 3, 1), level("sloc_b", 10, 0), level("sloc_other_channel", 99, 0, ["sc_b2b"])]
    const [covered] = planCheckoutDemands(cart([line("li_1", "M", 4, [{ item: "iitem_1", required: 1, levels }])]))
    expect(covered.location_id).toBe("sloc_b")

    const [uncovered] = planCheckoutDemands(cart([line("li_1", "M", 50, [{ item: "iitem_1", required: 1, levels }])]))
    expect(uncovered.location_id).toBe("sloc_a")
  })

  it("leaves out what Medusa does not check: unmanaged inventory and backorderable variants", () => {
    const levels = [level("sloc_a", 0, 0)]
    expect(
      planCheckoutDemands(
        cart([
          line("li_1", "Gift card", 1, [{ item: "iitem_1", required: 1, levels }], { manage_inventory: false }),
          line("li_2", "Pre-order", 1, [{ item: "iitem_2", required: 1, levels }], { allow_backorder: true }),
        ])
      )
    ).toEqual([])
  })
})

describe("shopper-facing names and messages", () => {
  it("names the variant unless it is the product's only, default one", () => {
    expect(shopperTitle({ product_title: "Sneaker", variant_title: "42" })).toBe("Sneaker (42)")
    expect(shopperTitle({ product_title: "Poster", variant_title: "Default variant" })).toBe("Poster")
    expect(shopperTitle({ title: "Mug" })).toBe("Mug")
  })

  it("is a 400-class refusal that says what ran out and how many are left", () => {
    const error = outOfStockError([
      { title: "Sneaker (42)", available: 0 },
      { title: "Socks", available: 2 },
    ])
    expect(error.type).toBe("not_allowed")
    expect(error.message).toBe("out of stock: Sneaker (42), Socks (only 2 left)")
  })
})
