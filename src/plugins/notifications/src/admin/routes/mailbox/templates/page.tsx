import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { TemplateList } from "../../../components/template-list"
import { TemplatePreview } from "../../../components/template-preview"
import { useAdminGet } from "../../../lib/admin-api"
import type { TemplatesResponse } from "../../../lib/types"

/**
 * Templates: every message the store can send, and a preview of one in a chosen language on each
 * channel. The choice is in the URL (`?template=&locale=`), so a message's page links straight to
 * its template. Shown under Mailbox in the sidebar.
 */
const TemplatesPage = () => {
  const [params, setParams] = useSearchParams()
  const { data, error } = useAdminGet<TemplatesResponse>("/admin/notifications/templates")
  const templates = data?.templates ?? []
  const selected = templates.find((t) => t.name === params.get("template")) ?? templates[0]
  // A language the template lacks (from an old link, or after switching templates) falls back to its first.
  const requested = params.get("locale") ?? ""
  const locale = selected?.locales.includes(requested) ? requested : selected?.locales[0] ?? "en"

  const choose = (template: string, nextLocale?: string) =>
    setParams(nextLocale ? { template, locale: nextLocale } : { template, locale }, { replace: true })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="px-6 py-4">
        <Link to="/mailbox" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base">
          ← Mailbox
        </Link>
        <Heading level="h1">Templates</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The messages the store sends, rendered with sample data and your branding. Previews send nothing.
        </Text>
      </Container>
      {error ? (
        <Container className="px-6 py-4">
          <Text className="text-ui-fg-error">Could not load the templates: {error}</Text>
        </Container>
      ) : !data ? (
        <Container className="px-6 py-4">
          <Text className="text-ui-fg-subtle">Loading…</Text>
        </Container>
      ) : !selected ? (
        <Container className="px-6 py-4">
          <Text className="text-ui-fg-subtle">No template is registered.</Text>
        </Container>
      ) : (
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
          <Container className="h-fit p-0">
            <TemplateList templates={templates} selected={selected.name} onSelect={(name) => choose(name)} />
          </Container>
          <Container className="min-w-0 p-0">
            <TemplatePreview template={selected} locale={locale} onLocale={(l) => choose(selected.name, l)} />
          </Container>
        </div>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Templates" })

export default TemplatesPage
