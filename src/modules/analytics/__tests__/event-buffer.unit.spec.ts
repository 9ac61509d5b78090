import { EventBuffer } from "../event-buffer"

const deferred = () => {
  let release!: () => void
  const done = new Promise<void>((r) => (release = r))
  return { done, release }
}

describe("EventBuffer", () => {
  it("writes in batches of batchSize, in arrival order, when it fills up", async () => {
    const writes: number[][] = []
    const buffer = new EventBuffer<number>({ write: async (b) => void writes.push(b), batchSize: 3, flushAfterMs: 60_000 })
    buffer.push([1, 2])
    expect(writes).toEqual([])
    buffer.push([3, 4, 5, 6, 7])
    await buffer.flush()
    expect(writes).toEqual([[1, 2, 3], [4, 5, 6], [7]])
    expect(buffer.size).toBe(0)
  })

  it("writes a partial batch once the first event has waited flushAfterMs", async () => {
    jest.useFakeTimers()
    try {
      const writes: number[][] = []
      const buffer = new EventBuffer<number>({ write: async (b) => void writes.push(b), batchSize: 100, flushAfterMs: 1000 })
      buffer.push([1])
      jest.advanceTimersByTime(999)
      expect(writes).toEqual([])
      buffer.push([2])
      jest.advanceTimersByTime(1)
      await Promise.resolve()
      await Promise.resolve()
      expect(writes).toEqual([[1, 2]])
    } finally {
      jest.useRealTimers()
    }
  })

  it("a flush awaited by a caller covers events pushed while an earlier write was still running", async () => {
    const gate = deferred()
    const writes: number[][] = []
    const buffer = new EventBuffer<number>({
      write: async (b) => {
        if (!writes.length) await gate.done
        writes.push(b)
      },
      batchSize: 2,
      flushAfterMs: 60_000,
    })
    buffer.push([1, 2]) // starts a write that waits for the gate
    buffer.push([3])
    const flushed = buffer.flush()
    gate.release()
    await flushed
    expect(writes).toEqual([[1, 2], [3]])
  })

  it("keeps a batch whose write failed, in front, and writes it with the next flush", async () => {
    let fail = true
    const writes: number[][] = []
    const errors: number[] = []
    const buffer = new EventBuffer<number>({
      write: async (b) => {
        if (fail) throw new Error("database down")
        writes.push(b)
      },
      batchSize: 2,
      flushAfterMs: 60_000,
      onError: (_e, pending) => errors.push(pending),
    })
    buffer.push([1, 2, 3])
    await buffer.flush()
    expect(writes).toEqual([])
    // The push that filled a batch tried too; every failure kept all three.
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.every((pending) => pending === 3)).toBe(true)
    expect(buffer.size).toBe(3)
    buffer.push([4])
    fail = false
    await buffer.flush()
    expect(writes).toEqual([[1, 2], [3, 4]])
  })

  it("drops the oldest events beyond maxPending and says how many", async () => {
    const dropped: number[] = []
    const buffer = new EventBuffer<number>({
      write: async () => {
        throw new Error("down")
      },
      batchSize: 1000,
      flushAfterMs: 60_000,
      maxPending: 5,
      onDrop: (n) => dropped.push(n),
    })
    buffer.push([1, 2, 3, 4])
    buffer.push([5, 6, 7])
    expect(dropped).toEqual([2])
    expect(buffer.size).toBe(5)
  })
})
