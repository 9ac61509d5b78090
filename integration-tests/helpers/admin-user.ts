import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { AuthenticationInput, MedusaContainer, UserDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { adminHeaders, ok, uniqueSuffix, type Api, type RequestOptions } from "./http"

export type AdminUser = {
  user: UserDTO
  email: string
  password: string
  token: string
  headers: RequestOptions
}

/**
 * An admin user with an emailpass identity (Auth Module + `createUserAccountWorkflow`, the same
 * steps `POST /admin/invites/accept` takes), logged in over `POST /auth/user/emailpass`.
 */
export async function createAdminUser(container: MedusaContainer, api: Api): Promise<AdminUser> {
  const email = `admin-${uniqueSuffix()}@emporium.test`
  const password = `admin-${uniqueSuffix()}-pw`

  const { success, authIdentity, error } = await container
    .resolve(Modules.AUTH)
    .register("emailpass", { body: { email, password } } as AuthenticationInput)
  if (!success || !authIdentity) {
    throw new Error(`could not register the admin identity: ${error}`)
  }

  const { result: user } = await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity.id,
      userData: { email, first_name: "Test", last_name: "Admin" },
    },
  })

  const { token } = await ok<{ token: string }>(api.post("/auth/user/emailpass", { email, password }))
  return { user, email, password, token, headers: adminHeaders(token) }
}
