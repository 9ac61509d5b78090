import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { EmporiumAnalyticsProviderService } from "./service"

export default ModuleProvider(Modules.ANALYTICS, { services: [EmporiumAnalyticsProviderService] })
