import { Badge, Text } from "@medusajs/ui"
import type { TemplateInfo } from "../lib/types"

type Props = { templates: TemplateInfo[]; selected: string; onSelect: (name: string) => void }

/** Every message the store can send; the selected one is previewed next to it. */
export function TemplateList({ templates, selected, onSelect }: Props) {
  return (
    <ul className="divide-y">
      {templates.map((t) => (
        <li key={t.name}>
          <button
            type="button"
            aria-current={t.name === selected}
            onClick={() => onSelect(t.name)}
            className={`flex w-full flex-col gap-y-1 px-6 py-3 text-left hover:bg-ui-bg-base-hover ${t.name === selected ? "bg-ui-bg-base-pressed" : ""}`}
          >
            <div className="flex flex-wrap items-center gap-1">
              <Text size="small" weight="plus" className="mr-1 font-mono">
                {t.name}
              </Text>
              <Badge size="2xsmall" color={t.audience === "merchant" ? "purple" : "blue"}>
                {t.audience}
              </Badge>
              <Badge size="2xsmall" color={t.category === "marketing" ? "orange" : "grey"}>
                {t.category}
              </Badge>
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              {t.description}
            </Text>
            <Text size="xsmall" className="text-ui-fg-muted">
              {t.locales.join(", ")}
            </Text>
          </button>
        </li>
      ))}
    </ul>
  )
}
