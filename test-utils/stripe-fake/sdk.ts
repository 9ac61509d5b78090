/**
 * The stripe Node SDK that @medusajs/payment-stripe actually uses (v15, pinned to API
 * version 2024-04-10) — not the app's top-level `stripe` package, which is a newer major.
 */
import path from "path"

export interface StripeSdkStatics {
  new (key: string, config?: Record<string, any>): any
  webhooks: {
    generateTestHeaderString(opts: { payload: string; secret: string; timestamp?: number }): string
    constructEvent(payload: string | Buffer, header: string, secret: string, tolerance?: number): any
  }
}

export function stripeSdkPath(): string {
  const providerDir = path.dirname(require.resolve("@medusajs/payment-stripe/package.json"))
  return require.resolve("stripe", { paths: [providerDir] })
}

export const StripeSdk: StripeSdkStatics = require(stripeSdkPath())
