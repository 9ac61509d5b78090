import { ArrowDownTray } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { useState } from "react"

/** The file name of a `Content-Disposition: attachment; filename="…"` header. */
function fileName(disposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? "")
  return match ? decodeURIComponent(match[1]) : fallback
}

/**
 * "Download CSV": GETs the report's route with `format=csv` (same filters, the dashboard's
 * session cookie) and saves the answer under the file name the API gives it.
 */
export function CsvButton({ path, fallbackName }: { path: string; fallbackName: string }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const download = async () => {
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(`${path}${path.includes("?") ? "&" : "?"}format=csv`, { credentials: "include" })
      if (!res.ok) {
        const body = await res.json().catch(() => null)
        throw new Error(body?.message ?? `HTTP ${res.status}`)
      }
      const url = URL.createObjectURL(await res.blob())
      const link = document.createElement("a")
      link.href = url
      link.download = fileName(res.headers.get("content-disposition"), fallbackName)
      document.body.appendChild(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 1000)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex items-center gap-x-2">
      {error ? <Text size="small" className="text-ui-fg-error">Download failed: {error}</Text> : null}
      <Button size="small" variant="secondary" isLoading={busy} onClick={download}>
        <ArrowDownTray />
        Download CSV
      </Button>
    </div>
  )
}
