// Medusa's own `locking` table model: declaring it here gives this provider its database
// connection (Medusa connects a provider that has models); the table is made by Medusa's
// locking-postgres migration, which stays registered.
export { Locking as default } from "@medusajs/locking-postgres/dist/models"
