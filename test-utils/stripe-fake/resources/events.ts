/** Events (Stripe API reference: "Events" — list is newest first, `type` accepts a `*` wildcard). */
import { expandParam, Route } from "../route"
import { expand, listObject } from "../state"
import { list, str } from "../params"

function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes("*")) return (t) => t === pattern
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`)
  return (t) => re.test(t)
}

export const eventRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/v1/events",
    handler: (state, { params, path }) => {
      const type = str(params, "type")
      const types = list(params, "types")
      const matchers = [...(type ? [type] : []), ...(types ?? [])].map(typeMatcher)
      const items = [...state.eventLog].reverse().filter((e) => matchers.length === 0 || matchers.some((m) => m(e.type)))
      return expand(state, listObject(items, params, path), expandParam(params))
    },
  },
  {
    method: "GET",
    pattern: "/v1/events/:id",
    handler: (state, { id }) => state.get("events", id),
  },
]
