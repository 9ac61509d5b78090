import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202062522 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "push_subscription" drop constraint if exists "push_subscription_endpoint_unique";`);
    this.addSql(`alter table if exists "notification_preference" drop constraint if exists "notification_preference_email_unique";`);
    this.addSql(`alter table if exists "notification_message" drop constraint if exists "notification_message_idempotency_key_unique";`);
    this.addSql(`alter table if exists "back_in_stock_request" drop constraint if exists "back_in_stock_request_variant_id_email_unique";`);
    this.addSql(`create table if not exists "back_in_stock_request" ("id" text not null, "variant_id" text not null, "email" text not null, "customer_id" text null, "sales_channel_id" text null, "locale" text null, "notified_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "back_in_stock_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_back_in_stock_request_deleted_at" ON "back_in_stock_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_back_in_stock_request_variant_id_email_unique" ON "back_in_stock_request" ("variant_id", "email") WHERE notified_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_back_in_stock_request_variant_id_notified_at" ON "back_in_stock_request" ("variant_id", "notified_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "notification_message" ("id" text not null, "idempotency_key" text not null, "channel" text check ("channel" in ('email', 'sms', 'push')) not null, "template" text not null, "category" text check ("category" in ('transactional', 'marketing')) not null, "locale" text not null, "to" text not null, "receiver_id" text null, "subject" text not null, "html" text null, "text" text not null, "provider_data" jsonb null, "data" jsonb null, "trigger" text not null, "resource_type" text null, "resource_id" text null, "status" text check ("status" in ('queued', 'sending', 'sent', 'failed', 'suppressed')) not null default 'queued', "suppressed_reason" text null, "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "last_error" text null, "provider_id" text null, "notification_id" text null, "external_id" text null, "sent_at" timestamptz null, "resent_from_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notification_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_message_deleted_at" ON "notification_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_message_idempotency_key_unique" ON "notification_message" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_message_status_next_attempt_at" ON "notification_message" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_message_created_at" ON "notification_message" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_message_to" ON "notification_message" ("to") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_message_resource_type_resource_id" ON "notification_message" ("resource_type", "resource_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "notification_preference" ("id" text not null, "email" text not null, "customer_id" text null, "marketing_email" boolean not null default false, "marketing_consent_at" timestamptz null, "unsubscribed_at" timestamptz null, "sms" boolean not null default false, "phone" text null, "push" boolean not null default false, "locale" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notification_preference_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_preference_deleted_at" ON "notification_preference" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_preference_email_unique" ON "notification_preference" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_preference_customer_id" ON "notification_preference" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "push_subscription" ("id" text not null, "customer_id" text not null, "endpoint" text not null, "p256dh" text not null, "auth" text not null, "expiration_time" timestamptz null, "user_agent" text null, "disabled_at" timestamptz null, "disabled_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "push_subscription_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_push_subscription_deleted_at" ON "push_subscription" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_push_subscription_endpoint_unique" ON "push_subscription" ("endpoint") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_push_subscription_customer_id" ON "push_subscription" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "back_in_stock_request" cascade;`);

    this.addSql(`drop table if exists "notification_message" cascade;`);

    this.addSql(`drop table if exists "notification_preference" cascade;`);

    this.addSql(`drop table if exists "push_subscription" cascade;`);
  }

}
