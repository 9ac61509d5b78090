import { EventEmitter } from "node:events"
import Redis from "ioredis"
import { readEnv } from "../../config/env"

/** What a storefront's live tracking stream receives for each new carrier event of an order. */
export type TrackingMessage = {
  order_id: string
  shipment_id: string
  tracking_number: string
  /** The shipment's status after the event (a late event leaves it as it was). */
  shipment_status: string
  event: {
    id: string
    status: string
    description: string
    location: string | null
    occurred_at: string
  }
}

export type TrackingListener = (message: TrackingMessage) => void

export type TrackingHubOptions = {
  /** With a URL, messages cross processes through Redis PUBLISH/SUBSCRIBE; without, they stay in this process. */
  redisUrl?: string
  /** The Redis channel (already prefixed). */
  channel: string
  /** How long the subscriber connection stays open after the last local listener left. Default 30 s. */
  idleCloseMs?: number
  onError?: (error: Error) => void
}

/**
 * Fans tracking updates out to the SSE clients of every process. Medusa's Redis event bus hands
 * an event to ONE process, but a customer's stream may be held open by any of them, so the
 * process that records an update publishes it on a Redis channel and each process's subscriber
 * delivers it to its own listeners. Without Redis there is one process and the local emitter is
 * the whole story.
 */
export class TrackingHub {
  private readonly local = new EventEmitter()
  private publisher: Redis | null = null
  private subscriber: Redis | null = null
  private subscribing: Promise<void> | null = null
  private idleTimer: NodeJS.Timeout | null = null

  constructor(private readonly options: TrackingHubOptions) {
    // One listener per open stream; many customers may watch at once.
    this.local.setMaxListeners(0)
  }

  get usesRedis(): boolean {
    return !!this.options.redisUrl
  }

  /** Whether this process holds a Redis subscriber connection right now. */
  get hasSubscriber(): boolean {
    return !!this.subscriber
  }

  /** Delivers a message to every process's listeners of its order. */
  async publish(message: TrackingMessage): Promise<void> {
    if (!this.options.redisUrl) {
      this.deliver(message)
      return
    }
    try {
      this.publisher ??= this.connect("emporium-tracking-pub")
      await this.publisher.publish(this.options.channel, JSON.stringify(message))
    } catch (error) {
      // Redis is down: this process's own clients still hear about it.
      this.options.onError?.(error as Error)
      this.deliver(message)
    }
  }

  /**
   * Listens to one order's updates; resolves once messages published from now on will arrive
   * (the Redis subscription is confirmed). Returns the function that stops listening.
   */
  async subscribe(orderId: string, listener: TrackingListener): Promise<() => void> {
    this.local.on(orderId, listener)
    if (this.idleTimer) {
      clearTimeout(this.idleTimer)
      this.idleTimer = null
    }
    try {
      await this.ensureSubscribed()
    } catch (error) {
      this.options.onError?.(error as Error)
    }
    let active = true
    return () => {
      if (!active) return
      active = false
      this.local.off(orderId, listener)
      if (this.listenerCount() === 0) this.scheduleIdleClose()
    }
  }

  /** Listeners in this process: of one order, or of all. */
  listenerCount(orderId?: string): number {
    if (orderId) return this.local.listenerCount(orderId)
    return this.local.eventNames().reduce((sum, name) => sum + this.local.listenerCount(name), 0)
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    const connections = [this.publisher, this.subscriber].filter((c): c is Redis => !!c)
    this.publisher = null
    this.subscriber = null
    this.subscribing = null
    await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())))
  }

  private deliver(message: TrackingMessage): void {
    this.local.emit(message.order_id, message)
  }

  private ensureSubscribed(): Promise<void> {
    if (!this.options.redisUrl) return Promise.resolve()
    if (!this.subscribing) {
      const subscriber = this.connect("emporium-tracking-sub")
      subscriber.on("message", (channel: string, raw: string) => {
        if (channel !== this.options.channel) return
        try {
          this.deliver(JSON.parse(raw) as TrackingMessage)
        } catch (error) {
          this.options.onError?.(error as Error)
        }
      })
      this.subscriber = subscriber
      this.subscribing = subscriber.subscribe(this.options.channel).then(
        () => undefined,
        (error: Error) => {
          // Let the next stream try again.
          this.subscribing = null
          this.subscriber = null
          subscriber.disconnect()
          throw error
        }
      )
    }
    return this.subscribing
  }

  /** A subscriber connection nobody listens to is closed after a while (not at once: clients reconnect). */
  private scheduleIdleClose(): void {
    if (!this.subscriber || this.idleTimer) return
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null
      if (this.listenerCount() > 0 || !this.subscriber) return
      const subscriber = this.subscriber
      this.subscriber = null
      this.subscribing = null
      subscriber.quit().catch(() => subscriber.disconnect())
    }, this.options.idleCloseMs ?? 30_000)
    // Never the reason a process stays alive.
    this.idleTimer.unref()
  }

  private connect(connectionName: string): Redis {
    const client = new Redis(this.options.redisUrl!, { maxRetriesPerRequest: 2, connectionName })
    // A Redis outage must not crash the process; publish() falls back to local delivery.
    client.on("error", (error: Error) => this.options.onError?.(error))
    return client
  }
}

let processHub: TrackingHub | null = null

/**
 * This process's hub, configured from the environment (REDIS_URL, REDIS_PREFIX) on first use;
 * the first caller's logger hears about Redis trouble.
 */
export function trackingHub(logger?: { warn(message: string): void }): TrackingHub {
  if (!processHub) {
    const env = readEnv()
    processHub = new TrackingHub({
      redisUrl: env.REDIS_URL,
      channel: `${env.REDIS_PREFIX ?? ""}emporium:transport:tracking`,
      onError: (error) => logger?.warn(`[transport] live tracking over Redis: ${error.message}`),
    })
  }
  return processHub
}

/** Closes this process's hub connections (tests, shutdown); the next use opens new ones. */
export async function closeTrackingHub(): Promise<void> {
  const hub = processHub
  processHub = null
  await hub?.close()
}
