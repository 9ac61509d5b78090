import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201230628 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stripe_webhook_event" drop constraint if exists "stripe_webhook_event_stripe_event_id_unique";`);
    this.addSql(`alter table if exists "stripe_dispute" drop constraint if exists "stripe_dispute_stripe_dispute_id_unique";`);
    this.addSql(`create table if not exists "stripe_dispute" ("id" text not null, "stripe_dispute_id" text not null, "payment_intent_id" text not null, "charge_id" text not null, "order_id" text null, "payment_id" text null, "amount" integer not null, "currency_code" text not null, "reason" text not null, "status" text not null, "evidence_due_by" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stripe_dispute_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_dispute_deleted_at" ON "stripe_dispute" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stripe_dispute_stripe_dispute_id_unique" ON "stripe_dispute" ("stripe_dispute_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_dispute_order_id" ON "stripe_dispute" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_dispute_status_created_at" ON "stripe_dispute" ("status", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stripe_webhook_event" ("id" text not null, "stripe_event_id" text not null, "type" text not null, "object_id" text null, "status" text check ("status" in ('processing', 'processed', 'failed')) not null default 'processing', "attempts" integer not null default 1, "outcome" text null, "error" text null, "stripe_created_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stripe_webhook_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_webhook_event_deleted_at" ON "stripe_webhook_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stripe_webhook_event_stripe_event_id_unique" ON "stripe_webhook_event" ("stripe_event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_webhook_event_object_id_created_at" ON "stripe_webhook_event" ("object_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stripe_webhook_event_status_created_at" ON "stripe_webhook_event" ("status", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stripe_dispute" cascade;`);

    this.addSql(`drop table if exists "stripe_webhook_event" cascade;`);
  }

}
