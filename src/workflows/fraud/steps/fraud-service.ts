import type { MedusaContainer } from "@medusajs/framework/types"
import { FRAUD_MODULE } from "../../../modules/fraud"
import type FraudModuleService from "../../../modules/fraud/service"

export const fraudService = (container: MedusaContainer) => container.resolve<FraudModuleService>(FRAUD_MODULE)
