import { Module } from "@medusajs/framework/utils"
import registerStripeRadar from "./loaders/register-stripe-radar"
import FraudModuleService from "./service"

export const FRAUD_MODULE = "fraud"

export default Module(FRAUD_MODULE, { service: FraudModuleService, loaders: [registerStripeRadar] })
