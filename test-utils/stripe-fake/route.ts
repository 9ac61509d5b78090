import type { FakeState } from "./state"
import type { Params } from "./params"

export interface HandlerInput {
  params: Params
  /** the `:id` path segment, if the route has one */
  id: string
  /** request path without query string (list objects report it as `url`) */
  path: string
}

export type Handler = (state: FakeState, input: HandlerInput) => any

export interface Route {
  method: "GET" | "POST" | "DELETE"
  /** e.g. "/v1/payment_intents/:id/confirm" */
  pattern: string
  handler: Handler
}

export function expandParam(params: Params): string[] | undefined {
  const v = params.expand
  if (v === undefined) return undefined
  if (Array.isArray(v)) return v.map(String)
  if (typeof v === "object") return Object.values(v).map(String)
  return [String(v)]
}
