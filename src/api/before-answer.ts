import type { MedusaResponse } from "@medusajs/framework/http"

/**
 * Runs `work` when the route answers with `res.json` (Medusa's routes and its error handler
 * both do), and sends the answer only once `work` has settled: whatever the work changes is
 * in place before the client can read the answer and act on it. A failed `work` never loses
 * the answer; `work` decides itself whether the answer's status concerns it.
 */
export function beforeJsonAnswer(res: MedusaResponse, work: () => Promise<unknown>): void {
  const send = res.json.bind(res)
  res.json = ((body: unknown) => {
    work()
      .catch(() => undefined)
      .finally(() => send(body))
    return res
  }) as typeof res.json
}
