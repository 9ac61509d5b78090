import { MedusaError } from "@medusajs/framework/utils"
import { passthroughSettingsProblems, type MeilisearchIndexSettings } from "./settings"

export type { MeilisearchIndexSettings }

/**
 * Options of the Meilisearch search provider, given once in `medusa-config.ts` (see
 * `meilisearchSearchProvider()` in `config.ts`).
 */
export type MeilisearchSearchOptions = {
  /**
   * URL of the Meilisearch server, e.g. `http://localhost:7700` or
   * `https://ms-xxxx.meilisearch.io`. Required.
   *
   * @example process.env.MEILISEARCH_HOST
   */
  host: string
  /**
   * API key sent as `Authorization: Bearer …`. The provider creates indexes, changes their
   * settings, writes documents and searches, so it needs a key with those actions on the indexes
   * it manages (the master key or an admin key; a search-only key is not enough). Leave unset
   * only for a Meilisearch started without a master key (local development).
   *
   * @example process.env.MEILISEARCH_API_KEY
   */
  apiKey?: string
  /**
   * Documents sent per `POST /indexes/{uid}/documents` request, and ids per delete request.
   * Each request is one Meilisearch task.
   *
   * @default 1000
   */
  batchSize?: number
  /**
   * How long to wait for a Meilisearch task (index creation, settings update, a batch of
   * documents) before giving up with an error, in milliseconds. The Search Module's own
   * `waitForTask` calls can pass a shorter or longer `timeout_ms`.
   *
   * @default 120000
   */
  taskTimeoutMs?: number
  /**
   * How often the task status is polled while waiting, in milliseconds.
   *
   * @default 50
   */
  taskPollIntervalMs?: number
  /**
   * Timeout of each HTTP request to Meilisearch, in milliseconds. A search that takes longer
   * fails with an error naming the host instead of hanging the storefront.
   *
   * @default 30000
   */
  requestTimeoutMs?: number
  /**
   * Meilisearch index settings applied to every index this provider manages, in Meilisearch's
   * own names: `synonyms`, `stopWords`, `rankingRules`, `typoTolerance`, `faceting`,
   * `pagination`, `embedders`, `separatorTokens`, `dictionary`, `localizedAttributes`, … An
   * index's `settings.provider_options.meilisearch` overrides them key by key (objects are
   * merged). The attribute lists (`searchableAttributes`, `filterableAttributes`,
   * `sortableAttributes`, `displayedAttributes`, `distinctAttribute`) come from the index
   * definition and cannot be set here.
   *
   * @example { synonyms: { tee: ["t-shirt"] }, pagination: { maxTotalHits: 5000 } }
   */
  indexSettings?: MeilisearchIndexSettings
}

/** The options with their defaults applied. */
export type ResolvedMeilisearchSearchOptions = Required<Omit<MeilisearchSearchOptions, "apiKey" | "indexSettings">> &
  Pick<MeilisearchSearchOptions, "apiKey" | "indexSettings">

export const DEFAULT_BATCH_SIZE = 1000
export const DEFAULT_TASK_TIMEOUT_MS = 120_000
export const DEFAULT_TASK_POLL_INTERVAL_MS = 50
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000

function wholeNumberProblem(value: unknown, name: string, min: number, max: number): string | undefined {
  if (value === undefined) return undefined
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? undefined : `\`${name}\` must be a whole number from ${min} to ${max}`
}

/**
 * Checks the options once, when Medusa loads the provider: a bad option stops the server at
 * start with one sentence per problem, never a failure at the first search.
 */
export function validateMeilisearchSearchOptions(options: Partial<MeilisearchSearchOptions> | undefined): ResolvedMeilisearchSearchOptions {
  const problems: string[] = []
  const host = options?.host
  if (!host || typeof host !== "string") {
    problems.push("`host` (MEILISEARCH_HOST) is required")
  } else {
    let url: URL | undefined
    try {
      url = new URL(host)
    } catch {
      url = undefined
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) problems.push("`host` must be an http(s) URL such as http://localhost:7700")
    else if (url.username || url.password) problems.push("`host` must not carry credentials; pass the key as `apiKey`")
  }
  if (options?.apiKey !== undefined && (typeof options.apiKey !== "string" || !options.apiKey)) {
    problems.push("`apiKey` (MEILISEARCH_API_KEY) must be a non-empty string when given")
  }
  for (const problem of [
    wholeNumberProblem(options?.batchSize, "batchSize", 1, 100_000),
    wholeNumberProblem(options?.taskTimeoutMs, "taskTimeoutMs", 1, 24 * 60 * 60 * 1000),
    wholeNumberProblem(options?.taskPollIntervalMs, "taskPollIntervalMs", 1, 60_000),
    wholeNumberProblem(options?.requestTimeoutMs, "requestTimeoutMs", 1, 24 * 60 * 60 * 1000),
  ]) {
    if (problem) problems.push(problem)
  }
  problems.push(...passthroughSettingsProblems(options?.indexSettings, "indexSettings"))

  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `Meilisearch search provider: ${problems.join("; ")}.`)
  }
  return {
    host: host as string,
    ...(options?.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    batchSize: options?.batchSize ?? DEFAULT_BATCH_SIZE,
    taskTimeoutMs: options?.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS,
    taskPollIntervalMs: options?.taskPollIntervalMs ?? DEFAULT_TASK_POLL_INTERVAL_MS,
    requestTimeoutMs: options?.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    ...(options?.indexSettings !== undefined ? { indexSettings: options.indexSettings } : {}),
  }
}
