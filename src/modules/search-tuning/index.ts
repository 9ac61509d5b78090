import { Module } from "@medusajs/framework/utils"
import SearchTuningModuleService from "./service"

export const SEARCH_TUNING_MODULE = "search_tuning"

export default Module(SEARCH_TUNING_MODULE, { service: SearchTuningModuleService })
