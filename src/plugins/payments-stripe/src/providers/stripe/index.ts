import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import EmporiumStripeProviderService from "./service"

/** Register in the Payment Module's providers with id "stripe": provider id `pp_stripe_stripe`. */
export default ModuleProvider(Modules.PAYMENT, { services: [EmporiumStripeProviderService] })
