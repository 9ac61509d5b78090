import { toEventRow } from "../events"
import { bucketsOf, isTimeZone, localDay, percentChange, previousRange, startOfDay } from "../reports/range"

const range = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) })

describe("report ranges", () => {
  it("compares with the period of the same length just before", () => {
    expect(previousRange(range("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"))).toEqual(range("2026-10-02T00:00:00Z", "2026-11-01T00:00:00Z"))
  })

  it("has a bucket for every day, Monday-started week or month touching the range", () => {
    expect(bucketsOf(range("2026-11-28T00:00:00Z", "2026-12-02T00:00:00Z"), "day")).toEqual(["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"])
    expect(bucketsOf(range("2026-11-01T00:00:00Z", "2026-11-17T00:00:00Z"), "week")).toEqual(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"])
    expect(bucketsOf(range("2026-01-15T00:00:00Z", "2026-03-02T00:00:00Z"), "month")).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"])
  })

  it("uses the merchant's time zone for days, including across a DST change", () => {
    expect(startOfDay("2026-11-01", "Asia/Tokyo").toISOString()).toBe("2026-10-31T15:00:00.000Z")
    // New York leaves daylight saving time on 1 November 2026 at 02:00.
    expect(startOfDay("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z")
    expect(startOfDay("2026-11-02", "America/New_York").toISOString()).toBe("2026-11-02T05:00:00.000Z")
    expect(localDay(new Date("2026-11-03T23:30:00Z"), "Asia/Tokyo")).toBe("2026-11-04")
    expect(bucketsOf({ from: startOfDay("2026-11-01", "Asia/Tokyo"), to: startOfDay("2026-11-04", "Asia/Tokyo") }, "day", "Asia/Tokyo")).toEqual([
      "2026-11-01",
      "2026-11-02",
      "2026-11-03",
    ])
    expect(isTimeZone("Europe/Berlin")).toBe(true)
    expect(isTimeZone("Mars/Olympus")).toBe(false)
  })

  it("gives no percent change against nothing", () => {
    expect(percentChange(150.5, 80)).toBe(88.1)
    expect(percentChange(0, 10)).toBe(-100)
    expect(percentChange(5, 0)).toBeNull()
  })
})

describe("toEventRow", () => {
  const now = new Date("2026-12-01T12:00:00Z")

  it("keeps a client timestamp from the last 24 hours and replaces older or future ones with now", () => {
    expect(toEventRow({ name: "page_view", source: "store", occurred_at: "2026-12-01T02:00:00Z" }, now).occurred_at).toBe("2026-12-01T02:00:00.000Z")
    expect(toEventRow({ name: "page_view", source: "store", occurred_at: "2026-11-29T02:00:00Z" }, now).occurred_at).toBe(now.toISOString())
    expect(toEventRow({ name: "page_view", source: "store", occurred_at: "2026-12-02T02:00:00Z" }, now).occurred_at).toBe(now.toISOString())
  })

  it("puts the event in the storefront's session, else its visitor's", () => {
    expect(toEventRow({ name: "x", source: "store", session_id: "s1", anonymous_id: "a1" }, now).session_key).toBe("s:s1")
    expect(toEventRow({ name: "x", source: "store", anonymous_id: "a1" }, now).session_key).toBe("a:a1")
    expect(toEventRow({ name: "x", source: "server", anonymous_id: "a1", session_key: null }, now).session_key).toBeNull()
  })
})
