import https from "https"

export type RawPushResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/**
 * A plain HTTPS request to the fake, for tests that build (or break) a push request by
 * hand. Node's global fetch cannot be given a CA, so this uses `https.request`.
 */
export function requestPushEndpoint(
  endpoint: string,
  init: { ca: string; method?: string; headers?: Record<string, string | number>; body?: Buffer | string }
): Promise<RawPushResponse> {
  return new Promise((resolve, reject) => {
    const req = https.request(endpoint, { method: init.method ?? "POST", headers: init.headers, ca: init.ca, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (chunk: Buffer) => chunks.push(chunk))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }))
      res.on("error", reject)
    })
    req.on("error", reject)
    req.end(init.body)
  })
}
