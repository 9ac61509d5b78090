import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import TransportFulfillmentProvider from "./service"

/** Registers one Fulfillment Module provider per carrier: `{ id: "<carrier>", options: { carrier_code } }`. */
export default ModuleProvider(Modules.FULFILLMENT, { services: [TransportFulfillmentProvider] })
