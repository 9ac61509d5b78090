import { Button, Heading, Select, Tabs, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useAdminGet, withQuery } from "../lib/admin-api"
import type { PreviewResponse, TemplateInfo, TemplatePreview as Preview } from "../lib/types"
import { Fact } from "./fact"
import { SandboxedHtml } from "./sandboxed-html"

type Props = { template: TemplateInfo; locale: string; onLocale: (locale: string) => void }

const pre = "whitespace-pre-wrap break-words rounded-md bg-ui-bg-subtle p-4 font-mono text-xs"

/**
 * A template rendered with its sample data and the store's branding, as each channel would carry
 * it. Nothing is sent.
 */
export function TemplatePreview({ template, locale, onLocale }: Props) {
  const path = withQuery(`/admin/notifications/templates/${encodeURIComponent(template.name)}/preview`, { locale })
  const { data, error, loading } = useAdminGet<PreviewResponse>(path)

  return (
    <div className="divide-y">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <Heading level="h2" className="font-mono">
          {template.name}
        </Heading>
        <div className="flex items-center gap-x-2">
          <Select size="small" value={locale} onValueChange={onLocale}>
            <Select.Trigger aria-label="Language" className="w-28">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {template.locales.map((l) => (
                <Select.Item key={l} value={l}>
                  {l}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Button size="small" variant="secondary" asChild>
            <Link to={withQuery("/mailbox", { template: template.name })}>Sent messages</Link>
          </Button>
        </div>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">Could not render the preview: {error}</Text>
      ) : loading || !data ? (
        // Never the previous template's preview under this one's name.
        <Text className="px-6 py-4 text-ui-fg-subtle">Rendering…</Text>
      ) : (
        <PreviewTabs key={path} name={template.name} preview={data.preview} />
      )}
    </div>
  )
}

function PreviewTabs({ name, preview }: { name: string; preview: Preview }) {
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4">
      <Fact label="Subject">{preview.subject}</Fact>
      <Tabs defaultValue="email">
        <Tabs.List>
          <Tabs.Trigger value="email">E-mail</Tabs.Trigger>
          <Tabs.Trigger value="text">Text</Tabs.Trigger>
          <Tabs.Trigger value="sms">SMS</Tabs.Trigger>
          <Tabs.Trigger value="push">Push</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="email" className="pt-4">
          <SandboxedHtml html={preview.html} title={`Preview of ${name}`} />
        </Tabs.Content>
        <Tabs.Content value="text" className="pt-4">
          <pre className={pre}>{preview.text}</pre>
        </Tabs.Content>
        <Tabs.Content value="sms" className="flex flex-col gap-y-1 pt-4">
          <div className="max-w-sm whitespace-pre-wrap break-words rounded-2xl bg-ui-bg-subtle px-4 py-3 txt-compact-small">{preview.sms}</div>
          <Text size="xsmall" className="text-ui-fg-muted">
            {[...preview.sms].length} characters
          </Text>
        </Tabs.Content>
        <Tabs.Content value="push" className="pt-4">
          <div className="flex max-w-sm flex-col gap-y-1 rounded-lg border border-ui-border-base p-4 shadow-elevation-card-rest">
            <Text size="small" weight="plus">
              {preview.push.title}
            </Text>
            <Text size="small">{preview.push.body}</Text>
            {preview.push.url ? (
              <Text size="xsmall" className="break-all font-mono text-ui-fg-muted">
                Opens {preview.push.url}
              </Text>
            ) : null}
          </div>
        </Tabs.Content>
      </Tabs>
    </div>
  )
}
