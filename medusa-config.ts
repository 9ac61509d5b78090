import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { readEnv } from "./src/config/env"
import { buildMedusaConfig } from "./src/config/medusa"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// Every choice lives in src/config: embedded defaults first, each real service behind one variable.
module.exports = defineConfig(buildMedusaConfig(readEnv()))
