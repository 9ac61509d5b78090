/**
 * Meilisearch's error shape (docs: "Errors" / "Error codes"):
 *   { message, code, type, link }   with link https://docs.meilisearch.com/errors#<code>
 * HTTP statuses and error types per code are the ones Meilisearch's error code table lists.
 */

export type ErrorType = "invalid_request" | "auth" | "internal" | "system"

export interface MeiliErrorBody {
  message: string
  code: string
  type: string
  link: string
}

/** code → [HTTP status, error type]. Codes not listed are 400 invalid_request. */
const CODES: Record<string, [number, ErrorType]> = {
  index_not_found: [404, "invalid_request"],
  document_not_found: [404, "invalid_request"],
  task_not_found: [404, "invalid_request"],
  batch_not_found: [404, "invalid_request"],
  api_key_not_found: [404, "invalid_request"],
  index_already_exists: [409, "invalid_request"],
  missing_authorization_header: [401, "auth"],
  missing_master_key: [401, "auth"],
  invalid_api_key: [403, "auth"],
  invalid_content_type: [415, "invalid_request"],
  missing_content_type: [415, "invalid_request"],
  payload_too_large: [413, "invalid_request"],
  internal: [500, "internal"],
  index_creation_failed: [500, "internal"],
  database_size_limit_reached: [500, "internal"],
  invalid_state: [500, "internal"],
  no_space_left_on_device: [422, "system"],
  io_error: [422, "system"],
  too_many_open_files: [422, "system"],
  too_many_search_requests: [503, "system"],
}

export function errorLink(code: string): string {
  return `https://docs.meilisearch.com/errors#${code}`
}

export function statusOf(code: string): number {
  return CODES[code]?.[0] ?? 400
}

export function typeOf(code: string): ErrorType {
  return CODES[code]?.[1] ?? "invalid_request"
}

export class MeiliError extends Error {
  constructor(
    public code: string,
    message: string,
    public status: number = statusOf(code),
    public errorType: string = typeOf(code)
  ) {
    super(message)
  }

  get body(): MeiliErrorBody {
    return { message: this.message, code: this.code, type: this.errorType, link: errorLink(this.code) }
  }

  /** The same error with a prefix on its message (Meilisearch adds "Index `x`: " / "Inside `.queries[0]`: "). */
  prefixed(prefix: string): MeiliError {
    return new MeiliError(this.code, `${prefix}${this.message}`, this.status, this.errorType)
  }
}

export const indexNotFound = (uid: string) => new MeiliError("index_not_found", `Index \`${uid}\` not found.`)

export const indexAlreadyExists = (uid: string) =>
  new MeiliError("index_already_exists", `Index \`${uid}\` already exists.`)

export const INDEX_UID_RULE =
  "Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes."

export function isValidIndexUid(uid: unknown): uid is string {
  return typeof uid === "string" && /^[a-zA-Z0-9_-]+$/.test(uid) && Buffer.byteLength(uid) <= 512
}

/** The default error of failNextTask: what an I/O failure inside Meilisearch looks like. */
export const DEFAULT_TASK_FAILURE = {
  code: "internal",
  type: "internal",
  message: "An internal error has occurred. `Input/output error (os error 5)`.",
}
