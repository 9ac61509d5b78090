import { deriveOrderStatus, type OrderStatusSource } from "../order-status"

const placed = "2026-01-01T10:00:00.000Z"
const base: OrderStatusSource = {
  id: "order_1",
  display_id: 7,
  status: "pending",
  created_at: placed,
  items: [{ detail: { quantity: 2, shipped_quantity: 0, delivered_quantity: 0 } }],
  payment_collections: [],
  fulfillments: [],
}
const authorized = [{ status: "authorized", payments: [{ created_at: "2026-01-01T10:00:05.000Z" }] }]

describe("deriveOrderStatus", () => {
  it("is PENDING until a payment is secured", () => {
    expect(deriveOrderStatus(base)).toEqual({
      order_id: "order_1",
      display_id: 7,
      status: "PENDING",
      timeline: [{ status: "PENDING", at: placed }],
    })
    const unpaid = { ...base, payment_collections: [{ status: "not_paid", payments: [] }] }
    expect(deriveOrderStatus(unpaid).status).toBe("PENDING")
  })

  it("is CONFIRMED once the payment is authorized, and ignores canceled payments", () => {
    expect(deriveOrderStatus({ ...base, payment_collections: authorized }).status).toBe("CONFIRMED")
    const canceled = [{ status: "authorized", payments: [{ created_at: placed, canceled_at: placed }] }]
    expect(deriveOrderStatus({ ...base, payment_collections: canceled }).status).toBe("PENDING")
  })

  it("is SHIPPED when part has shipped, DELIVERED only when every unit has arrived", () => {
    const partly = {
      ...base,
      payment_collections: authorized,
      items: [{ detail: { quantity: 2, shipped_quantity: 1, delivered_quantity: 1 } }],
      fulfillments: [{ shipped_at: "2026-01-02T00:00:00.000Z", delivered_at: "2026-01-03T00:00:00.000Z" }],
    }
    expect(deriveOrderStatus(partly).status).toBe("SHIPPED")
    const all = { ...partly, items: [{ detail: { quantity: { value: "2" }, shipped_quantity: "2", delivered_quantity: { numeric: 2 } } }] }
    expect(deriveOrderStatus(all).timeline).toEqual([
      { status: "PENDING", at: placed },
      { status: "CONFIRMED", at: "2026-01-01T10:00:05.000Z" },
      { status: "SHIPPED", at: "2026-01-02T00:00:00.000Z" },
      { status: "DELIVERED", at: "2026-01-03T00:00:00.000Z" },
    ])
  })

  it("does not count a canceled fulfillment as shipped", () => {
    const order = {
      ...base,
      payment_collections: authorized,
      fulfillments: [{ shipped_at: placed, canceled_at: placed }],
    }
    expect(deriveOrderStatus(order).status).toBe("CONFIRMED")
  })

  it("is CANCELED when the order is, keeping the steps reached before", () => {
    const order = { ...base, status: "canceled", canceled_at: "2026-01-05T00:00:00.000Z", payment_collections: authorized }
    const view = deriveOrderStatus(order)
    expect(view.status).toBe("CANCELED")
    expect(view.timeline.map((s) => s.status)).toEqual(["PENDING", "CONFIRMED", "CANCELED"])
  })
})
