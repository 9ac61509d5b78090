/**
 * Stripe API reference, "Idempotent requests":
 *  - keys are scoped to the API key; only POST requests are idempotent;
 *  - the first result (status + body, errors included) is saved and replayed for later
 *    requests with the same key, with the header `Idempotent-Replayed: true`, without
 *    performing the operation again;
 *  - reusing a key with different parameters (or another endpoint) is an idempotency_error;
 *  - results are only saved once an endpoint started executing: parameter validation
 *    failures are not saved. This fake also does not save 5xx (they would be fake bugs).
 *
 * Concurrency: handlers run synchronously once the request body has been read, so a
 * concurrent request with the same key is only looked up after the first one has
 * finished — it always gets the replay, never a 409.
 */
import { StripeApiError } from "./errors"

export interface SavedResponse {
  method: string
  path: string
  fingerprint: string
  status: number
  body: any
  requestId: string
}

/** Canonical form of the parameters (key order does not matter). */
export function fingerprint(value: any): string {
  const canonical = (v: any): any => {
    if (Array.isArray(v)) return v.map(canonical)
    if (v && typeof v === "object") {
      return Object.keys(v)
        .sort()
        .reduce((acc: any, k) => ((acc[k] = canonical(v[k])), acc), {})
    }
    return v
  }
  return JSON.stringify(canonical(value))
}

export class IdempotencyStore {
  private saved = new Map<string, SavedResponse>()

  private key(apiKey: string, idempotencyKey: string): string {
    return `${apiKey}\u0000${idempotencyKey}`
  }

  /** Returns the saved response to replay, undefined if the key is new, or throws idempotency_error. */
  lookup(apiKey: string, idempotencyKey: string, method: string, path: string, params: any): SavedResponse | undefined {
    const saved = this.saved.get(this.key(apiKey, idempotencyKey))
    if (!saved) return undefined
    if (saved.method !== method || saved.path !== path) {
      throw new StripeApiError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.method} ${saved.path}' vs '${method} ${path}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
      }, false)
    }
    if (saved.fingerprint !== fingerprint(params)) {
      throw new StripeApiError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
      }, false)
    }
    return saved
  }

  save(apiKey: string, idempotencyKey: string, response: SavedResponse): void {
    this.saved.set(this.key(apiKey, idempotencyKey), response)
  }
}
