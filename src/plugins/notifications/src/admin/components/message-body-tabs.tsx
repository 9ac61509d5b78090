import { Tabs, Text } from "@medusajs/ui"
import type { MessageDetail } from "../lib/types"
import { SandboxedHtml } from "./sandboxed-html"

const pre = "whitespace-pre-wrap break-words rounded-md bg-ui-bg-subtle p-4 font-mono text-xs"

/** Exactly what was sent (HTML and text parts), and what the template was rendered from. */
export function MessageBodyTabs({ message: m }: { message: MessageDetail }) {
  return (
    // Keyed by the page so each message opens on its HTML (or its text, for SMS and push).
    <Tabs key={m.id} defaultValue={m.html ? "html" : "text"} className="px-6 py-4">
      <Tabs.List>
        <Tabs.Trigger value="html">HTML</Tabs.Trigger>
        <Tabs.Trigger value="text">Text</Tabs.Trigger>
        <Tabs.Trigger value="data">Data</Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="html" className="pt-4">
        {m.html ? (
          <SandboxedHtml html={m.html} title={`HTML of “${m.subject}”`} />
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            This message has no HTML part{m.channel === "email" ? "." : ` (${m.channel} messages are text only).`}
          </Text>
        )}
      </Tabs.Content>
      <Tabs.Content value="text" className="pt-4">
        <pre className={pre}>{m.text || "(empty)"}</pre>
      </Tabs.Content>
      <Tabs.Content value="data" className="flex flex-col gap-y-4 pt-4">
        <JsonBlock title="Template data" value={m.data} />
        <JsonBlock title="Provider data (headers, push subscription)" value={m.provider_data} />
      </Tabs.Content>
    </Tabs>
  )
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
        {title}
      </Text>
      <pre className={pre}>{value == null ? "none" : JSON.stringify(value, null, 2)}</pre>
    </div>
  )
}
