import { planOrderSync, type ShipmentForSync } from "../plan-order-sync"

const shipment = (overrides: Partial<ShipmentForSync> = {}): ShipmentForSync => ({
  id: "tshp_1",
  status: "in_transit",
  exception: null,
  is_return: false,
  order_id: "order_1",
  fulfillment_id: "ful_1",
  tracking_number: "EH123456785DE",
  last_event_at: "2026-12-01T10:00:00.000Z",
  fulfillment: {
    id: "ful_1",
    shipped_at: null,
    delivered_at: null,
    canceled_at: null,
    labels: [{ tracking_number: "EH123456785DE", tracking_url: "https://t/EH123456785DE", label_url: "/admin/transport/shipments/tshp_1/label" }],
    items: [
      { line_item_id: "item_1", quantity: 2 },
      { line_item_id: "item_2", quantity: 1 },
    ],
  },
  order: { id: "order_1", status: "pending", metadata: null },
  ...overrides,
})

describe("planOrderSync: what Medusa's order needs after a tracking update", () => {
  it("ships the fulfillment with its items and the carrier's label once the parcel moves", () => {
    const plan = planOrderSync(shipment(), { id: "ttev_1", status: "in_transit" })
    expect(plan.ship).toEqual({
      order_id: "order_1",
      fulfillment_id: "ful_1",
      items: [
        { id: "item_1", quantity: 2 },
        { id: "item_2", quantity: 1 },
      ],
      labels: [{ tracking_number: "EH123456785DE", tracking_url: "https://t/EH123456785DE", label_url: "/admin/transport/shipments/tshp_1/label" }],
    })
    expect(plan.deliver).toBeNull()
    expect(plan.tracking_updated).toEqual([{ id: "ttev_1", shipment_id: "tshp_1", order_id: "order_1", status: "in_transit", event_status: "in_transit" }])
  })

  it("ships and delivers a parcel whose first news is its delivery; only delivers one already shipped", () => {
    const first = planOrderSync(shipment({ status: "delivered" }), { id: "ttev_1", status: "delivered" })
    expect(first.ship).not.toBeNull()
    expect(first.deliver).toEqual({ orderId: "order_1", fulfillmentId: "ful_1" })

    const shippedAlready = shipment({ status: "delivered" })
    shippedAlready.fulfillment!.shipped_at = "2026-12-01T09:00:00.000Z"
    const second = planOrderSync(shippedAlready, null)
    expect(second.ship).toBeNull()
    expect(second.deliver).not.toBeNull()
  })

  it("changes nothing on a replay once the order agrees, and emits nothing for a replay", () => {
    const done = shipment({ status: "delivered" })
    done.fulfillment!.shipped_at = "2026-12-01T09:00:00.000Z"
    done.fulfillment!.delivered_at = "2026-12-01T10:00:00.000Z"
    expect(planOrderSync(done, null)).toEqual({ ship: null, deliver: null, flag: null, tracking_updated: [], exceptions: [] })
  })

  it("leaves Medusa alone for a parcel still at the warehouse, a return, a canceled fulfillment or a canceled order", () => {
    expect(planOrderSync(shipment({ status: "label_created" }), null).ship).toBeNull()
    expect(planOrderSync(shipment({ is_return: true, status: "delivered" }), null)).toMatchObject({ ship: null, deliver: null })
    const canceled = shipment()
    canceled.fulfillment!.canceled_at = "2026-12-01T09:00:00.000Z"
    expect(planOrderSync(canceled, null).ship).toBeNull()
    expect(planOrderSync(shipment({ order: { id: "order_1", status: "canceled", metadata: null } }), null)).toMatchObject({ ship: null, flag: null })
  })

  it("flags a failed delivery on the order, emits the exception, and clears the flag when the parcel moves on", () => {
    const failed = shipment({ status: "exception", exception: "Nobody home" })
    const plan = planOrderSync(failed, { id: "ttev_2", status: "failed_delivery" })
    expect(plan.flag).toEqual({
      order_id: "order_1",
      value: { shipment_id: "tshp_1", tracking_number: "EH123456785DE", status: "exception", message: "Nobody home", since: "2026-12-01T10:00:00.000Z" },
    })
    expect(plan.exceptions).toEqual([{ id: "tshp_1", order_id: "order_1", status: "exception", exception: "Nobody home", tracking_event_id: "ttev_2" }])
    expect(plan.ship).not.toBeNull() // a failed delivery attempt means the parcel left

    const flagged = { id: "order_1", status: "pending", metadata: { transport_exception: plan.flag!.value } }
    expect(planOrderSync(shipment({ status: "exception", exception: "Nobody home", order: flagged }), null).flag).toBeNull()
    expect(planOrderSync(shipment({ status: "out_for_delivery", order: flagged }), null).flag).toEqual({ order_id: "order_1", value: null })
    // Another parcel's flag is not this shipment's to clear.
    const otherFlag = { ...flagged, metadata: { transport_exception: { ...plan.flag!.value!, shipment_id: "tshp_2" } } }
    expect(planOrderSync(shipment({ status: "in_transit", order: otherFlag }), null).flag).toBeNull()
  })

  it("a late event that leaves the shipment in exception is not a new exception", () => {
    const plan = planOrderSync(shipment({ status: "exception", exception: "Nobody home" }), { id: "ttev_3", status: "in_transit" })
    expect(plan.exceptions).toEqual([])
    expect(plan.tracking_updated).toHaveLength(1)
  })
})
