import { useEffect, useState } from "react"
import { sendAdminJson } from "../../../lib/send-admin-json"

type AdminUserSummary = { id: string; email: string; first_name: string | null; last_name: string | null }

const nameOf = (user: AdminUserSummary) => [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email

/**
 * Names of the admin users who reviewed or saved something (one request). Ids that are not users
 * (or when the users cannot be read) are left out: callers show the raw value instead.
 */
export function useUserNames(ids: (string | null | undefined)[]): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map())
  const key = [...new Set(ids.filter((id): id is string => !!id && id.startsWith("user_")))].sort().join(",")
  useEffect(() => {
    if (!key) return
    let current = true
    const wanted = key.split(",")
    const params = new URLSearchParams({ limit: String(wanted.length), fields: "id,email,first_name,last_name" })
    for (const id of wanted) params.append("id[]", id)
    sendAdminJson<{ users: AdminUserSummary[] }>("GET", `/admin/users?${params}`)
      .then((body) => current && setNames(new Map(body.users.map((u) => [u.id, nameOf(u)]))))
      .catch(() => undefined) // names are a nicety: ids are shown instead
    return () => {
      current = false
    }
  }, [key])
  return names
}
