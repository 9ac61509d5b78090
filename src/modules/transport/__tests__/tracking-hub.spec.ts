import { DEFAULT_REDIS_URL, probeRedisSync, redactRedisUrl, redisRequired } from "../../../../integration-tests/helpers/redis"
import { TrackingHub, type TrackingMessage } from "../tracking-hub"

const redisUrl = process.env.REDIS_URL || process.env.TEST_REDIS_URL || DEFAULT_REDIS_URL
const probe = probeRedisSync(redisUrl)
if (!probe.reachable && !redisRequired()) {
  console.warn(`Skipping the Redis cases of tracking-hub.spec: ${redactRedisUrl(redisUrl)} did not answer PING (${probe.reason}).`)
}
const describeRedis = probe.reachable || redisRequired() ? describe : describe.skip

const message = (orderId: string, eventId = `ttev_${Math.random().toString(36).slice(2)}`): TrackingMessage => ({
  order_id: orderId,
  shipment_id: "tshp_1",
  tracking_number: "EH123456785DE",
  shipment_status: "in_transit",
  event: { id: eventId, status: "in_transit", description: "Left the depot", location: "Berlin", occurred_at: new Date().toISOString() },
})

/** Resolves with the next message a listener hears, or rejects after `ms`. */
function nextMessage(hub: TrackingHub, orderId: string, ms = 3000): { received: Promise<TrackingMessage>; ready: Promise<() => void> } {
  let resolve!: (m: TrackingMessage) => void
  const received = new Promise<TrackingMessage>((ok, fail) => {
    resolve = ok
    setTimeout(() => fail(new Error(`no message for ${orderId} within ${ms} ms`)), ms).unref()
  })
  return { received, ready: hub.subscribe(orderId, (m) => resolve(m)) }
}

describe("TrackingHub without Redis (one process)", () => {
  it("delivers a published message to the listeners of its order only, and forgets a listener that left", async () => {
    const hub = new TrackingHub({ channel: "unused" })
    const heardA: TrackingMessage[] = []
    const heardB: TrackingMessage[] = []
    const stopA = await hub.subscribe("order_A", (m) => heardA.push(m))
    const stopB = await hub.subscribe("order_B", (m) => heardB.push(m))
    expect(hub.listenerCount()).toBe(2)

    await hub.publish(message("order_A", "ttev_1"))
    expect(heardA.map((m) => m.event.id)).toEqual(["ttev_1"])
    expect(heardB).toEqual([])

    stopA()
    stopA() // stopping twice is harmless
    await hub.publish(message("order_A", "ttev_2"))
    expect(heardA).toHaveLength(1)
    expect(hub.listenerCount("order_A")).toBe(0)
    stopB()
    expect(hub.listenerCount()).toBe(0)
    await hub.close()
  })
})

describeRedis("TrackingHub over Redis (two processes)", () => {
  // Two hubs on one channel stand for two Medusa processes: each has its own connections.
  const channel = `emporium-test:${process.pid}-${Date.now().toString(36)}:transport:tracking`
  let serverA: TrackingHub
  let serverB: TrackingHub

  beforeEach(() => {
    serverA = new TrackingHub({ redisUrl, channel, idleCloseMs: 50 })
    serverB = new TrackingHub({ redisUrl, channel, idleCloseMs: 50 })
  })
  afterEach(async () => {
    await Promise.all([serverA.close(), serverB.close()])
  })

  it("an update recorded by one process reaches a stream held open by the other", async () => {
    const { received, ready } = nextMessage(serverB, "order_X")
    await ready
    const sent = message("order_X")
    await serverA.publish(sent)
    expect(await received).toEqual(sent)
  })

  it("the publishing process's own streams hear it once, through Redis like everyone else", async () => {
    const heard: string[] = []
    await serverA.subscribe("order_Y", (m) => heard.push(m.event.id))
    const { received, ready } = nextMessage(serverB, "order_Y")
    await ready
    await serverA.publish(message("order_Y", "ttev_once"))
    await received
    await new Promise((r) => setTimeout(r, 200))
    expect(heard).toEqual(["ttev_once"])
  })

  it("other orders' updates are not delivered", async () => {
    const heard: string[] = []
    await serverB.subscribe("order_Z", (m) => heard.push(m.order_id))
    const { received, ready } = nextMessage(serverB, "order_W")
    await ready
    await serverA.publish(message("order_W"))
    await received
    await new Promise((r) => setTimeout(r, 100))
    expect(heard).toEqual([])
  })

  it("closes its subscriber connection once nobody listens, and opens it again for the next stream", async () => {
    const stop = await serverB.subscribe("order_Q", () => undefined)
    expect(serverB.hasSubscriber).toBe(true)
    stop()
    await new Promise((r) => setTimeout(r, 200)) // idleCloseMs is 50 here
    expect(serverB.listenerCount()).toBe(0)
    expect(serverB.hasSubscriber).toBe(false)

    const { received, ready } = nextMessage(serverB, "order_Q")
    await ready
    const sent = message("order_Q")
    await serverA.publish(sent)
    expect(await received).toEqual(sent)
  })
})
