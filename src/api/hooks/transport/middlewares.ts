import type { MiddlewareRoute } from "@medusajs/framework/http"
import { readRawBody } from "./raw-body"

export const transportHookMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/hooks/transport/:carrier",
    // The signature covers the exact bytes sent: Medusa must not parse (or re-serialise) them.
    bodyParser: false,
    middlewares: [readRawBody],
  },
]
