import { MedusaError } from "@medusajs/framework/utils"

/**
 * Meilisearch errors → `MedusaError`s with a type Medusa maps to the right HTTP status, and a
 * message naming what failed. Recognised by the error's `name` (the classes of the `meilisearch`
 * client), so this module needs no import of the client.
 *
 * - The request was refused for its content (`invalid_search_filter`, `invalid_search_sort`,
 *   `invalid_search_facets`, `invalid_document_id`, … any 4xx but the ones below) →
 *   `INVALID_DATA` (400) with Meilisearch's own message and code.
 * - `index_not_found` → `NOT_FOUND`: the Search Module re-resolves the active index version and
 *   retries once on that.
 * - Wrong or missing API key (401/403), rate limiting (429), Meilisearch failing (5xx), Meilisearch
 *   unreachable or too slow → `UNEXPECTED_STATE` (500) naming the host. A 429 keeps
 *   `status`/`retry_after` on the error, which the Search Module's seeding retries on.
 */

type ApiErrorLike = Error & {
  name: "MeilisearchApiError"
  cause?: { code?: string; message?: string; type?: string; link?: string }
  response?: { status?: number; headers?: { get(name: string): string | null } }
}

export type MeilisearchErrorContext = {
  /** The Meilisearch host, for messages. Never the API key. */
  host: string
  /** What was being done, e.g. `searching "product_v2"`. */
  action: string
}

/** A `MedusaError` that also carries Meilisearch's code and HTTP status. */
export class MeilisearchProviderError extends MedusaError {
  /** Meilisearch's error code, e.g. `invalid_search_filter`. */
  meilisearch_code?: string
  /** HTTP status Meilisearch answered with. */
  status?: number
  /** Milliseconds to wait before retrying, from a 429's `Retry-After`. */
  retry_after?: number

  constructor(type: string, message: string, details: { code?: string; status?: number; retry_after?: number } = {}) {
    super(type, message)
    this.meilisearch_code = details.code
    this.status = details.status
    this.retry_after = details.retry_after
  }
}

function isApiError(error: unknown): error is ApiErrorLike {
  return error instanceof Error && error.name === "MeilisearchApiError"
}

/** Types of Meilisearch errors caused by the request rather than by the server or the setup. */
function isClientError(code: string | undefined, status: number | undefined): boolean {
  if (code && /^(invalid_|missing_|bad_request|malformed_payload|payload_too_large|document_fields_limit_reached|primary_key_inference_failed|index_primary_key)/.test(code)) {
    return !/api_key|authorization/.test(code)
  }
  return status !== undefined && status >= 400 && status < 500 && ![401, 403, 404, 408, 429].includes(status)
}

/** Maps anything the Meilisearch client throws; anything else is returned unchanged. */
export function toMedusaError(error: unknown, context: MeilisearchErrorContext): unknown {
  if (error instanceof MedusaError) return error
  if (!(error instanceof Error)) return error

  if (isApiError(error)) {
    const code = error.cause?.code
    const status = error.response?.status
    const meiliMessage = error.cause?.message ?? error.message
    const details = { code, status }
    if (code === "index_not_found" || (status === 404 && !code)) {
      return new MeilisearchProviderError(MedusaError.Types.NOT_FOUND, `Meilisearch at ${context.host} has no such index while ${context.action}: ${meiliMessage}`, details)
    }
    if (status === 401 || status === 403 || (code && /api_key|authorization/.test(code))) {
      return new MeilisearchProviderError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Meilisearch at ${context.host} refused the API key while ${context.action} (${code ?? status}): check the provider's apiKey (MEILISEARCH_API_KEY)`,
        details
      )
    }
    if (status === 429) {
      const header = error.response?.headers?.get?.("retry-after")
      const seconds = header ? Number(header) : NaN
      return new MeilisearchProviderError(MedusaError.Types.UNEXPECTED_STATE, `Meilisearch at ${context.host} is rate limiting requests while ${context.action}: ${meiliMessage}`, {
        ...details,
        retry_after: Number.isFinite(seconds) ? seconds * 1000 : undefined,
      })
    }
    if (isClientError(code, status)) {
      return new MeilisearchProviderError(MedusaError.Types.INVALID_DATA, `Meilisearch refused the request while ${context.action}: ${meiliMessage}${code ? ` (${code})` : ""}`, details)
    }
    return new MeilisearchProviderError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Meilisearch at ${context.host} failed while ${context.action}: ${meiliMessage}${code ? ` (${code})` : status ? ` (HTTP ${status})` : ""}`,
      details
    )
  }

  if (error.name === "MeilisearchRequestError" || error.name === "MeilisearchRequestTimeOutError") {
    const cause = (error as { cause?: unknown }).cause
    // fetch's "fetch failed" says little; the reason (ECONNREFUSED, ENOTFOUND, a timeout) is one level down.
    const inner = cause instanceof Error ? (cause as { cause?: { code?: string; message?: string } }).cause : undefined
    const reason = cause instanceof Error ? (inner && (inner.code || inner.message) ? `${cause.message} (${inner.code ?? inner.message})` : cause.message) : error.message
    return new MeilisearchProviderError(MedusaError.Types.UNEXPECTED_STATE, `Cannot reach Meilisearch at ${context.host} while ${context.action}: ${reason}`)
  }

  if (error.name === "MeilisearchTaskTimeOutError") {
    return new MeilisearchProviderError(MedusaError.Types.UNEXPECTED_STATE, `Meilisearch at ${context.host} did not finish in time while ${context.action}: ${error.message}`)
  }

  // The client parses every response body as JSON; a proxy's HTML error page lands here.
  if (error instanceof SyntaxError) {
    return new MeilisearchProviderError(MedusaError.Types.UNEXPECTED_STATE, `Meilisearch at ${context.host} answered with something that is not JSON while ${context.action}`)
  }

  return error
}

/** A failed (or canceled) Meilisearch task as an error naming the index, task, code and message. */
export function taskFailedError(
  task: { uid: number; indexUid?: string | null; status: string; type?: string; error?: { code?: string; message?: string } | null },
  context: MeilisearchErrorContext
): MeilisearchProviderError {
  const code = task.error?.code
  const message = task.status === "canceled" ? "the task was canceled" : task.error?.message ?? "no error reported"
  const text = `Meilisearch task ${task.uid}${task.type ? ` (${task.type})` : ""} on index "${task.indexUid ?? "?"}" failed while ${context.action}: ${message}${code ? ` (${code})` : ""}`
  if (code === "index_not_found") return new MeilisearchProviderError(MedusaError.Types.NOT_FOUND, text, { code })
  return new MeilisearchProviderError(isClientError(code, undefined) ? MedusaError.Types.INVALID_DATA : MedusaError.Types.UNEXPECTED_STATE, text, { code })
}
