/** Public types of the Meilisearch fake. */

type RequestShape = { method: string; path: string; body: unknown }

/** The error a task fails with (Meilisearch's error object without `link`, which the fake adds). */
export type FakeTaskError = { code: string; message: string; type?: string }

export interface RecordedRequest extends RequestShape {
  method: string
  /** path without the query string, e.g. /indexes/products/search */
  path: string
  /** parsed JSON body, the raw text for non-JSON payloads (CSV/NDJSON), undefined when empty */
  body: unknown
  /** query-string parameters */
  query: Record<string, string>
  /** HTTP status the fake answered with (0 while the request is being handled) */
  status: number
}

export interface MeilisearchFakeOptions {
  /** port to listen on; 0 or undefined = a free port */
  port?: number
  /** interface to bind; default 127.0.0.1 */
  host?: string
  /** when set, every route but GET /health requires `Authorization: Bearer <key>` */
  masterKey?: string
}

export interface MeilisearchFake {
  /** e.g. "http://127.0.0.1:7700" */
  url: string
  masterKey?: string
  /** every request received, oldest first */
  requests: RecordedRequest[]
  /** The next task matching `match` (all given fields) ends "failed" with `error` (default: an internal I/O error). */
  failNextTask(match: { type?: string; indexUid?: string }, error?: FakeTaskError): void
  /** How long each task stays enqueued + processing before it finishes (default 5 ms). Tasks run one at a time, in order. */
  setTaskDelay(ms: number): void
  /** Copies of the stored documents of an index, in internal order ([] for a missing index). */
  documents(indexUid: string): Record<string, unknown>[]
  /** The index's settings as GET /indexes/:uid/settings returns them (throws for a missing index). */
  settings(indexUid: string): Record<string, unknown>
  /** Drops all indexes, tasks (uids restart at 0), recorded requests and pending failNextTask rules. */
  reset(): void
  close(): Promise<void>
}
