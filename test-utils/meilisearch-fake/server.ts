/**
 * The HTTP layer: routing, authentication (docs "Security and permissions": `Authorization:
 * Bearer <key>` on every route but GET /health once a master key is set), Content-Type and JSON
 * payload checks, the request log. Plain Node `http`.
 */
import http from "http"
import { MeiliError } from "./errors"
import { Ctx, MethodNotAllowed, NotFound, Route, ROUTES } from "./routes"
import type { FakeState } from "./state"
import type { RecordedRequest } from "./types"

interface CompiledRoute extends Route {
  regex: RegExp
  names: string[]
}

const COMPILED: CompiledRoute[] = ROUTES.map((r) => {
  const names: string[] = []
  const source = r.pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    names.push(name)
    return "([^/]+)"
  })
  return { ...r, regex: new RegExp(`^${source}$`), names }
})

function match(method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | "method" | undefined {
  let pathMatched = false
  for (const route of COMPILED) {
    const m = route.regex.exec(path)
    if (!m) continue
    pathMatched = true
    if (route.method !== method) continue
    const params: Record<string, string> = {}
    route.names.forEach((name, i) => {
      try {
        params[name] = decodeURIComponent(m[i + 1])
      } catch {
        params[name] = m[i + 1]
      }
    })
    return { route, params }
  }
  return pathMatched ? "method" : undefined
}

/** Is `action` granted by a key's actions (`*`, exact, or `resource.*` / `*.get` wildcards)? */
function allows(actions: string[], action: string): boolean {
  return actions.some((a) => {
    if (a === "*" || a === action) return true
    if (a.endsWith(".*")) return action.startsWith(a.slice(0, -1))
    if (a.startsWith("*.")) return action.endsWith(a.slice(1))
    return false
  })
}

function authenticate(state: FakeState, route: CompiledRoute, header: string | undefined): MeiliError | undefined {
  if (!route.action || !state.masterKey) return undefined
  const parts = (header ?? "").split(" ")
  if (parts.length !== 2 || parts[0] !== "Bearer") {
    return new MeiliError("missing_authorization_header", "The Authorization header is missing. It must use the bearer authorization method.")
  }
  const token = parts[1]
  if (token === state.masterKey) return undefined
  const key = state.keys.find((k) => k.key === token)
  if (key && allows(key.actions, route.action)) return undefined
  return new MeiliError("invalid_api_key", "The provided API key is invalid.")
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

const JSON_ONLY = "Accepted values for the Content-Type header are: `application/json`"
const DOCUMENT_TYPES = "Accepted values for the Content-Type header are: `application/json`, `application/x-ndjson`, `text/csv`"

export function createHandler(state: FakeState, requests: RecordedRequest[]): http.RequestListener {
  return async (req, res) => {
    const method = (req.method ?? "GET").toUpperCase()
    const url = new URL(req.url ?? "/", "http://localhost")
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname
    const query: Record<string, string> = {}
    url.searchParams.forEach((value, key) => {
      query[key] = value
    })
    const rawBody = await readBody(req).catch(() => "")
    const contentType = req.headers["content-type"]
    let loggedBody: unknown = undefined
    if (rawBody !== "") {
      try {
        loggedBody = JSON.parse(rawBody)
      } catch {
        loggedBody = rawBody
      }
    }
    const record: RecordedRequest = { method, path, body: loggedBody, query, status: 0 }
    requests.push(record)

    const send = (status: number, body?: unknown) => {
      record.status = status
      if (body === undefined) {
        res.writeHead(status, { "Content-Length": "0" })
        res.end()
        return
      }
      const text = JSON.stringify(body)
      res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) })
      res.end(text)
    }

    const matched = match(method, path)
    if (matched === undefined) return send(404)
    if (matched === "method") return send(405)
    const { route, params } = matched

    try {
      const authError = authenticate(state, route, req.headers.authorization)
      if (authError) throw authError

      let body: unknown = undefined
      const type = contentType?.split(";")[0].trim().toLowerCase()
      if (route.body === "json" && rawBody.trim() !== "") {
        if (!type) throw new MeiliError("missing_content_type", `A Content-Type header is missing. ${JSON_ONLY}`)
        if (type !== "application/json") throw new MeiliError("invalid_content_type", `The Content-Type \`${contentType}\` is invalid. ${JSON_ONLY}`)
        try {
          body = JSON.parse(rawBody)
        } catch (e) {
          throw new MeiliError("malformed_payload", `The json payload provided is malformed. \`${(e as Error).message}\`.`)
        }
      }
      if (route.body === "documents") {
        if (!type) throw new MeiliError("missing_content_type", `A Content-Type header is missing. ${DOCUMENT_TYPES}`)
        if (!["application/json", "application/x-ndjson", "text/csv"].includes(type)) {
          throw new MeiliError("invalid_content_type", `The Content-Type \`${contentType}\` is invalid. ${DOCUMENT_TYPES}`)
        }
      }
      const ctx: Ctx = { state, method, path, params, query, body, rawBody, contentType }
      const reply = route.handler(ctx)
      send(reply.status, reply.body)
    } catch (e) {
      if (e instanceof MeiliError) return send(e.status, e.body)
      if (e instanceof NotFound) return send(404)
      if (e instanceof MethodNotAllowed) return send(405)
      const err = new MeiliError("internal", `An internal error has occurred. \`${(e as Error)?.stack ?? String(e)}\`.`)
      send(500, err.body)
    }
  }
}
