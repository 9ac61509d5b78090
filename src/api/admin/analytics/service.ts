import type { MedusaRequest } from "@medusajs/framework/http"
import { EMPORIUM_ANALYTICS_MODULE } from "../../../modules/analytics"
import type EmporiumAnalyticsModuleService from "../../../modules/analytics/service"

export const analyticsOf = (req: MedusaRequest) => req.scope.resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)
