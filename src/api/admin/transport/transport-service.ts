import type { MedusaContainer } from "@medusajs/framework/types"
import { TRANSPORT_MODULE } from "../../../modules/transport"
import type TransportModuleService from "../../../modules/transport/service"

export const transportService = (scope: MedusaContainer) => scope.resolve<TransportModuleService>(TRANSPORT_MODULE)
