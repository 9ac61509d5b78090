import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201201920 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "fraud_rule_set" drop constraint if exists "fraud_rule_set_version_unique";`);
    this.addSql(`alter table if exists "fraud_blocklist_entry" drop constraint if exists "fraud_blocklist_entry_type_value_unique";`);
    this.addSql(`create table if not exists "fraud_assessment" ("id" text not null, "cart_id" text not null, "order_id" text null, "customer_id" text null, "email" text null, "ip" text null, "amount" integer not null, "currency_code" text not null, "score" integer not null, "decision" text check ("decision" in ('approve', 'review', 'reject')) not null, "reasons" jsonb not null, "rule_set_version" integer not null, "review_status" text check ("review_status" in ('pending', 'approved', 'rejected')) null, "reviewed_by" text null, "reviewed_at" timestamptz null, "review_note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fraud_assessment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fraud_assessment_deleted_at" ON "fraud_assessment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fraud_assessment_cart_id" ON "fraud_assessment" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fraud_assessment_order_id" ON "fraud_assessment" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fraud_assessment_review_status_created_at" ON "fraud_assessment" ("review_status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fraud_assessment_customer_id_created_at" ON "fraud_assessment" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fraud_assessment_email_created_at" ON "fraud_assessment" ("email", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fraud_assessment_currency_code_decision_created_at" ON "fraud_assessment" ("currency_code", "decision", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "fraud_attempt" ("id" text not null, "key" text not null, "cart_id" text not null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fraud_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fraud_attempt_deleted_at" ON "fraud_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fraud_attempt_key_occurred_at" ON "fraud_attempt" ("key", "occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "fraud_blocklist_entry" ("id" text not null, "type" text check ("type" in ('email', 'ip', 'card_fingerprint', 'address')) not null, "value" text not null, "reason" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fraud_blocklist_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fraud_blocklist_entry_deleted_at" ON "fraud_blocklist_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fraud_blocklist_entry_type_value_unique" ON "fraud_blocklist_entry" ("type", "value") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "fraud_rule_set" ("id" text not null, "version" integer not null, "review_threshold" integer not null, "reject_threshold" integer not null, "rules" jsonb not null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fraud_rule_set_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fraud_rule_set_deleted_at" ON "fraud_rule_set" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fraud_rule_set_version_unique" ON "fraud_rule_set" ("version") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fraud_assessment" cascade;`);

    this.addSql(`drop table if exists "fraud_attempt" cascade;`);

    this.addSql(`drop table if exists "fraud_blocklist_entry" cascade;`);

    this.addSql(`drop table if exists "fraud_rule_set" cascade;`);
  }

}
