import { Badge, Button, Copy, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { setWebhookSecret, webhookUrl } from "./api"

type WebhookSecretProps = {
  carrierCode: string
  hasSecret: boolean
  /** False for a carrier added in this draft: the secret route only knows saved carriers. */
  isSaved: boolean
  onChanged: (hasSecret: boolean) => void
}

/**
 * The carrier's webhook: the URL to give the carrier, and the secret its requests are signed
 * with. Write-only: once set, the page only knows that one is set.
 */
export function WebhookSecret({ carrierCode, hasSecret, isSaved, onChanged }: WebhookSecretProps) {
  const [secret, setSecret] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const url = webhookUrl(carrierCode)

  const send = async (value: string | null) => {
    setBusy(true)
    setError(null)
    try {
      const { carrier } = await setWebhookSecret(carrierCode, value)
      setSecret("")
      onChanged(carrier.has_webhook_secret)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center gap-x-2">
        <Text size="small" weight="plus">
          Webhook
        </Text>
        <Badge size="2xsmall" color={hasSecret ? "green" : "orange"} aria-label={`Webhook secret ${hasSecret ? "set" : "not set"}`}>
          Secret {hasSecret ? "set" : "not set"}
        </Badge>
      </div>
      <div className="flex items-center gap-x-2">
        <Text size="small" className="text-ui-fg-subtle">
          Give the carrier this URL:
        </Text>
        <code className="txt-compact-small rounded bg-ui-bg-subtle px-1">{url}</code>
        <Copy content={url} aria-label="Copy the webhook URL" />
      </div>
      {isSaved ? (
        <div className="flex flex-wrap items-center gap-2">
          <Input
            size="small"
            type="password"
            autoComplete="new-password"
            aria-label={`Webhook secret for ${carrierCode}`}
            placeholder="At least 16 characters"
            className="w-72"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
          <Button size="small" variant="secondary" disabled={busy || !secret} isLoading={busy && !!secret} onClick={() => send(secret)}>
            Set secret
          </Button>
          {hasSecret ? (
            <Button size="small" variant="transparent" disabled={busy} onClick={() => send(null)}>
              Remove secret
            </Button>
          ) : null}
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          Save the table first, then set this carrier&apos;s secret.
        </Text>
      )}
      {error ? (
        <Text size="small" role="alert" className="text-ui-fg-error">
          {error}
        </Text>
      ) : null}
    </div>
  )
}
