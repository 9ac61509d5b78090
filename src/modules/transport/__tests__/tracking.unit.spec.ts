import type { TrackingUpdate } from "../carriers/types"
import type { ShipmentStatus } from "../models/transport-shipment"
import { nextStatus } from "../tracking"

const T0 = new Date("2026-12-01T10:00:00Z")
const before = new Date(T0.getTime() - 60_000)
const after = new Date(T0.getTime() + 60_000)

const event = (status: TrackingUpdate["status"], occurred_at = after): TrackingUpdate => ({
  event_id: `evt-${status}-${occurred_at.getTime()}`,
  tracking_number: "EH123456785DE",
  status,
  description: status,
  location: null,
  occurred_at,
})

describe("nextStatus: where a carrier event moves a shipment", () => {
  it.each<[ShipmentStatus, TrackingUpdate["status"], ShipmentStatus]>([
    // Forward moves.
    ["label_created", "in_transit", "in_transit"],
    ["label_created", "out_for_delivery", "out_for_delivery"],
    ["label_created", "delivered", "delivered"],
    ["in_transit", "out_for_delivery", "out_for_delivery"],
    ["in_transit", "delivered", "delivered"],
    ["out_for_delivery", "delivered", "delivered"],
    ["in_transit", "returned_to_sender", "returned_to_sender"],
    // Never backwards.
    ["out_for_delivery", "in_transit", "out_for_delivery"],
    ["delivered", "in_transit", "delivered"],
    ["delivered", "out_for_delivery", "delivered"],
    ["in_transit", "in_transit", "in_transit"],
    // Final states stay final.
    ["delivered", "returned_to_sender", "delivered"],
    ["returned_to_sender", "delivered", "returned_to_sender"],
    ["returned_to_sender", "in_transit", "returned_to_sender"],
    // A failed delivery is an exception while the parcel is still on its way…
    ["label_created", "failed_delivery", "exception"],
    ["in_transit", "failed_delivery", "exception"],
    ["out_for_delivery", "failed_delivery", "exception"],
    ["exception", "failed_delivery", "exception"],
    // …and history once it was delivered or returned.
    ["delivered", "failed_delivery", "delivered"],
    ["returned_to_sender", "failed_delivery", "returned_to_sender"],
    // After an exception, a later scan means the parcel moves again.
    ["exception", "in_transit", "in_transit"],
    ["exception", "out_for_delivery", "out_for_delivery"],
    ["exception", "delivered", "delivered"],
    ["exception", "returned_to_sender", "returned_to_sender"],
  ])("%s + %s (newest event) → %s", (current, status, expected) => {
    expect(nextStatus(current, event(status, after), T0)).toBe(expected)
  })

  it("a voided shipment stays voided whatever the carrier says", () => {
    for (const status of ["in_transit", "out_for_delivery", "delivered", "failed_delivery", "returned_to_sender"] as const) {
      expect(nextStatus("voided", event(status), T0)).toBe("voided")
    }
  })

  it("a scan older than the failed delivery does not clear the exception, unless it is final", () => {
    expect(nextStatus("exception", event("in_transit", before), T0)).toBe("exception")
    expect(nextStatus("exception", event("out_for_delivery", before), T0)).toBe("exception")
    expect(nextStatus("exception", event("in_transit", T0), T0)).toBe("exception") // same instant is not later
    expect(nextStatus("exception", event("delivered", before), T0)).toBe("delivered")
    expect(nextStatus("exception", event("returned_to_sender", before), T0)).toBe("returned_to_sender")
  })

  it("a failed delivery older than the newest scan is history, not news", () => {
    expect(nextStatus("out_for_delivery", event("failed_delivery", before), T0)).toBe("out_for_delivery")
    expect(nextStatus("in_transit", event("failed_delivery", T0), T0)).toBe("exception") // same instant counts
  })

  it("the first event of a shipment (no earlier event) is judged on its own", () => {
    expect(nextStatus("label_created", event("failed_delivery", before), null)).toBe("exception")
    expect(nextStatus("exception", event("in_transit", before), null)).toBe("in_transit")
  })
})
