import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { ExclusivePostgresLockProvider } from "./service"

/** Locking Module provider; see service.ts for why Emporium does not use Medusa's as it is. */
export default ModuleProvider(Modules.LOCKING, { services: [ExclusivePostgresLockProvider] })
