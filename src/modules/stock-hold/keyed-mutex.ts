/**
 * In-process mutual exclusion per key. A claim waits here, not in PostgreSQL: a request that
 * waits for an advisory lock keeps a pooled connection busy, and a few hundred checkouts
 * queued on one hot item would empty the pool for every other request. With this queue in
 * front, each process has at most one connection waiting per key.
 */
export class KeyedMutex {
  private tails = new Map<string, Promise<void>>()

  /** Runs `job` once every key is free; keys are taken in sorted order, so two jobs cannot deadlock. */
  async run<T>(keys: string[], job: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort()
    const releases: (() => void)[] = []
    try {
      for (const key of sorted) {
        releases.push(await this.take(key))
      }
      return await job()
    } finally {
      releases.reverse().forEach((release) => release())
    }
  }

  private async take(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    let release!: () => void
    const mine = new Promise<void>((resolve) => (release = resolve))
    const tail = previous.then(() => mine)
    this.tails.set(key, tail)
    await previous
    return () => {
      release()
      // Forget the key once nobody queued behind us, so the map does not grow with every item sold.
      if (this.tails.get(key) === tail) {
        this.tails.delete(key)
      }
    }
  }
}
