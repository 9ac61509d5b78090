import { Module } from "@medusajs/framework/utils"
import EmporiumAnalyticsModuleService from "./service"

/** Not `analytics`: that key is Medusa's own Analytics Module, whose provider feeds this one. */
export const EMPORIUM_ANALYTICS_MODULE = "emporium_analytics"

export default Module(EMPORIUM_ANALYTICS_MODULE, { service: EmporiumAnalyticsModuleService })
