import { Module } from "@medusajs/framework/utils"
import StockHoldModuleService from "./service"

export const STOCK_HOLD_MODULE = "stock_hold"

export default Module(STOCK_HOLD_MODULE, { service: StockHoldModuleService })
