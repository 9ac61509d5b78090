/** What the buffer needs from its owner. */
export type EventBufferOptions<T> = {
  /** Writes one batch; throws when it could not (the batch is then kept for the next flush). */
  write: (batch: T[]) => Promise<void>
  /** Events per write, and the count at which a flush starts without waiting for the timer. */
  batchSize?: number
  /** How long the first buffered event may wait before a flush. */
  flushAfterMs?: number
  /** Events kept while writes fail; beyond it the oldest are dropped. */
  maxPending?: number
  onError?: (error: unknown, pending: number) => void
  onDrop?: (dropped: number) => void
}

/**
 * Collects events in memory and writes them in batches: at `batchSize`, `flushAfterMs` after the
 * first one, or when asked (shutdown, a report that must see everything). One write at a time,
 * in arrival order, so a flush awaited by a caller covers every event pushed before it.
 */
export class EventBuffer<T> {
  private pending: T[] = []
  private timer: NodeJS.Timeout | null = null
  private writing: Promise<void> = Promise.resolve()
  private readonly batchSize: number
  private readonly flushAfterMs: number
  private readonly maxPending: number

  constructor(private readonly options: EventBufferOptions<T>) {
    this.batchSize = options.batchSize ?? 500
    this.flushAfterMs = options.flushAfterMs ?? 1000
    this.maxPending = options.maxPending ?? 50_000
  }

  get size(): number {
    return this.pending.length
  }

  push(events: T[]): void {
    if (!events.length) {
      return
    }
    this.pending.push(...events)
    const overflow = this.pending.length - this.maxPending
    if (overflow > 0) {
      this.pending.splice(0, overflow)
      this.options.onDrop?.(overflow)
    }
    if (this.pending.length >= this.batchSize) {
      void this.flush()
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushAfterMs)
      // A waiting flush must not keep a finished script alive; shutdown flushes explicitly.
      this.timer.unref()
    }
  }

  /** Writes everything pushed so far; resolves once it is written or the write failed (and was kept). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    this.writing = this.writing.then(() => this.drain())
    return this.writing
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, this.batchSize)
      try {
        await this.options.write(batch)
      } catch (error) {
        // Put the batch back in front: order is kept and nothing is lost while the store is down.
        this.pending.unshift(...batch)
        this.options.onError?.(error, this.pending.length)
        if (!this.timer) {
          this.timer = setTimeout(() => void this.flush(), this.flushAfterMs)
          this.timer.unref()
        }
        return
      }
    }
  }
}
