import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { FRAUD_MODULE } from "../../../../modules/fraud"
import type FraudModuleService from "../../../../modules/fraud/service"
import { saveFraudRuleSetWorkflow } from "../../../../workflows/fraud/save-fraud-rule-set"
import type { AdminSaveFraudRulesType } from "./validators"

const VERSIONS_LISTED = 100

/** GET /admin/fraud/rules — the rule set in force and the latest versions (who saved each, when). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json(await rulesDocument(req.scope))
}

/**
 * POST /admin/fraud/rules — the whole rule set; saved as the next version and used from the
 * next checkout on. A bad value or an inconsistent set is a 400 naming each problem.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminSaveFraudRulesType>, res: MedusaResponse) {
  await saveFraudRuleSetWorkflow(req.scope).run({
    input: { rule_set: req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json(await rulesDocument(req.scope))
}

async function rulesDocument(scope: MedusaContainer) {
  const fraud = scope.resolve<FraudModuleService>(FRAUD_MODULE)
  const current = await fraud.currentRuleSet({ fresh: true })
  const versions = await fraud.listFraudRuleSets(
    {},
    { select: ["version", "created_by", "created_at"], order: { version: "DESC" }, take: VERSIONS_LISTED }
  )
  return {
    rule_set: {
      version: current.version,
      review_threshold: current.review_threshold,
      reject_threshold: current.reject_threshold,
      rules: current.rules,
      created_by: current.created_by,
      created_at: current.created_at,
    },
    versions: versions.map(({ version, created_by, created_at }) => ({ version, created_by, created_at })),
  }
}
