import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Every checkout looks up the shopper's earlier orders by customer id OR e-mail, the e-mail
 * compared case-insensitively (`lower(email)`). The (email, created_at) index cannot serve that,
 * so the lookup scanned every placed order's assessment; this expression index (with the
 * customer index, combined by a bitmap OR) keeps it an index lookup as the table grows.
 * Hand-written: the DML cannot declare an index on an expression.
 */
export class Migration20261202000500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_fraud_assessment_lower_email_placed" ON "fraud_assessment" (lower("email"), "currency_code") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_fraud_assessment_lower_email_placed";`)
  }
}
