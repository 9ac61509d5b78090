import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201132141 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "analytics_session" drop constraint if exists "analytics_session_session_key_unique";`);
    this.addSql(`alter table if exists "analytics_registration" drop constraint if exists "analytics_registration_customer_id_unique";`);
    this.addSql(`alter table if exists "analytics_refund" drop constraint if exists "analytics_refund_refund_id_unique";`);
    this.addSql(`alter table if exists "analytics_order_line" drop constraint if exists "analytics_order_line_line_item_id_unique";`);
    this.addSql(`alter table if exists "analytics_order" drop constraint if exists "analytics_order_order_id_unique";`);
    this.addSql(`alter table if exists "analytics_event_daily" drop constraint if exists "analytics_event_daily_day_name_sales_channel_id_unique";`);
    this.addSql(`alter table if exists "analytics_event" drop constraint if exists "analytics_event_event_key_unique";`);
    this.addSql(`alter table if exists "analytics_cart" drop constraint if exists "analytics_cart_cart_id_unique";`);
    this.addSql(`create table if not exists "analytics_cart" ("id" text not null, "cart_id" text not null, "created_at_cart" timestamptz not null, "has_items" boolean not null default false, "completed_at" timestamptz null, "currency_code" text null, "region_id" text null, "sales_channel_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_cart_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_cart_deleted_at" ON "analytics_cart" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_analytics_cart_cart_id_unique" ON "analytics_cart" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_cart_created_at_cart" ON "analytics_cart" ("created_at_cart") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "analytics_event" ("id" text not null, "name" text not null, "source" text check ("source" in ('store', 'server', 'provider')) not null, "occurred_at" timestamptz not null, "event_key" text null, "session_key" text null, "anonymous_id" text null, "session_id" text null, "customer_id" text null, "sales_channel_id" text null, "product_id" text null, "cart_id" text null, "order_id" text null, "properties" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_event_pkey" primary key ("id"));`);
    // Hand-edited: events are never soft-deleted, so no deleted_at index (one less index per
    // insert); time-range scans use a BRIN index, which stays tiny on an append-only table.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_event_occurred_at_brin" ON "analytics_event" USING brin ("occurred_at");`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_analytics_event_event_key_unique" ON "analytics_event" ("event_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_event_cart_id" ON "analytics_event" ("cart_id") WHERE cart_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_event_product_id_occurred_at" ON "analytics_event" ("product_id", "occurred_at") WHERE product_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "analytics_event_daily" ("id" text not null, "day" timestamptz not null, "name" text not null, "sales_channel_id" text not null default '', "count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_event_daily_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_event_daily_deleted_at" ON "analytics_event_daily" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_analytics_event_daily_day_name_sales_channel_id_unique" ON "analytics_event_daily" ("day", "name", "sales_channel_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "analytics_order" ("id" text not null, "order_id" text not null, "placed_at" timestamptz not null, "canceled_at" timestamptz null, "currency_code" text not null, "region_id" text null, "sales_channel_id" text null, "customer_id" text null, "cart_id" text null, "total" numeric not null, "subtotal" numeric not null, "tax_total" numeric not null, "shipping_total" numeric not null, "discount_total" numeric not null, "units" integer not null, "raw_total" jsonb not null, "raw_subtotal" jsonb not null, "raw_tax_total" jsonb not null, "raw_shipping_total" jsonb not null, "raw_discount_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_order_deleted_at" ON "analytics_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_analytics_order_order_id_unique" ON "analytics_order" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_order_placed_at" ON "analytics_order" ("placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_order_customer_id_placed_at" ON "analytics_order" ("customer_id", "placed_at") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "analytics_order_line" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "placed_at" timestamptz not null, "canceled" boolean not null default false, "currency_code" text not null, "region_id" text null, "sales_channel_id" text null, "product_id" text null, "variant_id" text null, "product_title" text null, "category_ids" text[] not null default '{}', "quantity" integer not null, "total" numeric not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_order_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_order_line_deleted_at" ON "analytics_order_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_analytics_order_line_line_item_id_unique" ON "analytics_order_line" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_order_line_placed_at" ON "analytics_order_line" ("placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_order_line_order_id" ON "analytics_order_line" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "analytics_refund" ("id" text not null, "refund_id" text not null, "order_id" text null, "refunded_at" timestamptz not null, "currency_code" text not null, "region_id" text null, "sales_channel_id" text null, "amount" numeric not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_refund_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_refund_deleted_at" ON "analytics_refund" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_analytics_refund_refund_id_unique" ON "analytics_refund" ("refund_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_refund_refunded_at" ON "analytics_refund" ("refunded_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "analytics_registration" ("id" text not null, "customer_id" text not null, "registered_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_registration_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_registration_deleted_at" ON "analytics_registration" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_analytics_registration_customer_id_unique" ON "analytics_registration" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_registration_registered_at" ON "analytics_registration" ("registered_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "analytics_session" ("id" text not null, "session_key" text not null, "started_at" timestamptz not null, "last_seen_at" timestamptz not null, "steps" integer not null default 0, "event_count" integer not null default 0, "customer_id" text null, "sales_channel_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_session_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_session_deleted_at" ON "analytics_session" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_analytics_session_session_key_unique" ON "analytics_session" ("session_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_session_started_at" ON "analytics_session" ("started_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "analytics_cart" cascade;`);

    this.addSql(`drop table if exists "analytics_event" cascade;`);

    this.addSql(`drop table if exists "analytics_event_daily" cascade;`);

    this.addSql(`drop table if exists "analytics_order" cascade;`);

    this.addSql(`drop table if exists "analytics_order_line" cascade;`);

    this.addSql(`drop table if exists "analytics_refund" cascade;`);

    this.addSql(`drop table if exists "analytics_registration" cascade;`);

    this.addSql(`drop table if exists "analytics_session" cascade;`);
  }

}
