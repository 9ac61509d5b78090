import { HouseCarrier } from "./house"
import type { CarrierAdapter } from "./types"

const adapters = new Map<string, CarrierAdapter>([["house", new HouseCarrier()]])

/** A plugin adds its carrier here (once, at load) so shipments and webhooks can use it. */
export function registerCarrierAdapter(adapter: CarrierAdapter): void {
  adapters.set(adapter.code, adapter)
}

export function carrierAdapter(code: string): CarrierAdapter | undefined {
  return adapters.get(code)
}

export function carrierAdapterCodes(): string[] {
  return [...adapters.keys()]
}
