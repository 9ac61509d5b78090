import { Module } from "@medusajs/framework/utils"
import StoreCacheModuleService from "./service"

export const STORE_CACHE_MODULE = "store_cache"

export default Module(STORE_CACHE_MODULE, { service: StoreCacheModuleService })
