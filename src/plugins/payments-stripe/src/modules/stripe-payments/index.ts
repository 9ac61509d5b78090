import { Module } from "@medusajs/framework/utils"
import StripePaymentsModuleService from "./service"

export const STRIPE_PAYMENTS_MODULE = "stripePayments"

export default Module(STRIPE_PAYMENTS_MODULE, { service: StripePaymentsModuleService })
