const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

// Each test file boots its own Medusa app; stale MikroORM entity metadata from the
// previous file would otherwise leak into the next one.
MetadataStorage.clear()
