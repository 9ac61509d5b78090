import { KeyedMutex } from "../keyed-mutex"

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe("KeyedMutex", () => {
  it("runs jobs on one key one at a time, in arrival order", async () => {
    const mutex = new KeyedMutex()
    const log: string[] = []
    const job = (name: string) => async () => {
      log.push(`${name} start`)
      await tick()
      log.push(`${name} end`)
    }
    await Promise.all([mutex.run(["a"], job("1")), mutex.run(["a"], job("2")), mutex.run(["a"], job("3"))])
    expect(log).toEqual(["1 start", "1 end", "2 start", "2 end", "3 start", "3 end"])
  })

  it("lets jobs on different keys overlap, and never deadlocks jobs taking the same keys in opposite order", async () => {
    const mutex = new KeyedMutex()
    let inside = 0
    let overlapped = false
    const job = async () => {
      inside++
      await tick()
      overlapped ||= inside > 1
      inside--
    }
    await Promise.all([mutex.run(["a"], job), mutex.run(["b"], job)])
    expect(overlapped).toBe(true)

    const order: string[] = []
    await Promise.all([
      mutex.run(["x", "y"], async () => void order.push("xy")),
      mutex.run(["y", "x"], async () => void order.push("yx")),
    ])
    expect(order).toEqual(["xy", "yx"])
  })

  it("frees the key when a job throws", async () => {
    const mutex = new KeyedMutex()
    await expect(mutex.run(["a"], async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom")
    await expect(mutex.run(["a"], async () => "after")).resolves.toBe("after")
  })
})
