import { Label, Switch, Text } from "@medusajs/ui"
import { RemoveButton } from "../../../components/form-fields"
import { Field } from "../../../components/form-fields"
import { NumberInput } from "./fields"
import { RULE_TYPES } from "./format"
import { RuleParams } from "./rule-params"
import type { RuleConfig } from "./types"

type RuleRowProps = {
  rule: RuleConfig
  update: (patch: Partial<RuleConfig>) => void
  remove: () => void
}

/** One rule of the draft: on or off, what it adds to the score, and its parameters. */
export function RuleRow({ rule, update, remove }: RuleRowProps) {
  const type = RULE_TYPES[rule.type]
  const switchId = `fraud-rule-${rule.id}-enabled`
  return (
    <div role="group" aria-label={`Rule ${rule.id}`} className={`flex flex-col gap-y-3 px-6 py-4 ${rule.enabled ? "" : "opacity-60"}`}>
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex items-start gap-x-3">
          <Switch id={switchId} className="mt-0.5" checked={rule.enabled} onCheckedChange={(enabled) => update({ enabled })} />
          <div>
            <Label htmlFor={switchId} weight="plus">
              {type.label} <span className="txt-compact-xsmall font-mono text-ui-fg-muted">{rule.id}</span>
            </Label>
            <Text size="small" className="text-ui-fg-subtle">
              {type.description}
            </Text>
          </div>
        </div>
        <RemoveButton label={`Remove rule ${rule.id}`} onClick={remove} />
      </div>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2 pl-11">
        <Field label="Score">
          <NumberInput label={`${rule.id}: score`} className="w-20" integer min={0} value={rule.score} onChange={(score) => update({ score })} />
        </Field>
        <RuleParams rule={rule} update={update} />
      </div>
    </div>
  )
}
