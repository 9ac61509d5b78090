import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201161747 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "recommendation_term" drop constraint if exists "recommendation_term_term_unique";`);
    this.addSql(`alter table if exists "recommendation_signal" drop constraint if exists "recommendation_signal_event_key_unique";`);
    this.addSql(`alter table if exists "recommendation_session_item" drop constraint if exists "recommendation_session_item_session_key_product_id_unique";`);
    this.addSql(`alter table if exists "recommendation_rule" drop constraint if exists "recommendation_rule_list_anchor_product_id_product_id_unique";`);
    this.addSql(`alter table if exists "recommendation_product_stat" drop constraint if exists "recommendation_product_stat_product_id_unique";`);
    this.addSql(`alter table if exists "recommendation_product" drop constraint if exists "recommendation_product_product_id_unique";`);
    this.addSql(`alter table if exists "recommendation_pair" drop constraint if exists "recommendation_pair_kind_product_id_related_id_unique";`);
    this.addSql(`create table if not exists "recommendation_build" ("id" text not null, "status" text check ("status" in ('running', 'succeeded', 'failed')) not null default 'running', "trigger" text not null, "step" text null, "steps_done" integer not null default 0, "steps_total" integer not null default 0, "started_at" timestamptz not null, "finished_at" timestamptz null, "error" text null, "counts" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_build_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_build_deleted_at" ON "recommendation_build" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_build_started_at" ON "recommendation_build" ("started_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recommendation_pair" ("id" text not null, "kind" text check ("kind" in ('bought_together', 'also_viewed')) not null, "product_id" text not null, "related_id" text not null, "support" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_pair_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_pair_deleted_at" ON "recommendation_pair" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_pair_kind_product_id_related_id_unique" ON "recommendation_pair" ("kind", "product_id", "related_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recommendation_product" ("id" text not null, "product_id" text not null, "title" text not null, "terms" text[] not null, "category_ids" text[] not null, "norm" real not null default 0, "replenishable" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_product_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_product_deleted_at" ON "recommendation_product" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_product_product_id_unique" ON "recommendation_product" ("product_id") WHERE deleted_at IS NULL;`);
    // Hand-written: similarity finds the products sharing a term, per-category trending the
    // products in a category; both are array containment/overlap, which only a GIN index serves.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_product_terms_gin" ON "recommendation_product" USING gin ("terms") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_product_category_ids_gin" ON "recommendation_product" USING gin ("category_ids") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recommendation_product_stat" ("id" text not null, "product_id" text not null, "order_count" integer not null default 0, "session_count" integer not null default 0, "view_count" integer not null default 0, "cart_count" integer not null default 0, "purchase_count" integer not null default 0, "trend_log" real null, "last_signal_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_product_stat_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_product_stat_deleted_at" ON "recommendation_product_stat" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_product_stat_product_id_unique" ON "recommendation_product_stat" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_product_stat_trend_log" ON "recommendation_product_stat" ("trend_log") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recommendation_rule" ("id" text not null, "list" text check ("list" in ('bought_together', 'also_viewed', 'similar', 'trending', 'personalized')) not null, "anchor_product_id" text null, "product_id" text not null, "action" text check ("action" in ('pin', 'exclude')) not null, "position" integer not null default 0, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_rule_deleted_at" ON "recommendation_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_rule_list_anchor_product_id_product_id_unique" ON "recommendation_rule" ("list", "anchor_product_id", "product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recommendation_session_item" ("id" text not null, "session_key" text not null, "product_id" text not null, "first_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_session_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_session_item_deleted_at" ON "recommendation_session_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_session_item_session_key_product_id_unique" ON "recommendation_session_item" ("session_key", "product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_session_item_first_at" ON "recommendation_session_item" ("first_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recommendation_signal" ("id" text not null, "event_key" text not null, "kind" text check ("kind" in ('view', 'cart', 'purchase', 'wishlist', 'review')) not null, "product_id" text not null, "customer_id" text null, "anonymous_id" text null, "session_key" text null, "order_id" text null, "weight" real not null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_signal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_signal_deleted_at" ON "recommendation_signal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_signal_event_key_unique" ON "recommendation_signal" ("event_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_signal_customer_id_occurred_at" ON "recommendation_signal" ("customer_id", "occurred_at") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_signal_anonymous_id_occurred_at" ON "recommendation_signal" ("anonymous_id", "occurred_at") WHERE anonymous_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_signal_order_id" ON "recommendation_signal" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_signal_occurred_at" ON "recommendation_signal" ("occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recommendation_term" ("id" text not null, "term" text not null, "product_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_term_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_term_deleted_at" ON "recommendation_term" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_term_term_unique" ON "recommendation_term" ("term") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "recommendation_build" cascade;`);

    this.addSql(`drop table if exists "recommendation_pair" cascade;`);

    this.addSql(`drop table if exists "recommendation_product" cascade;`);

    this.addSql(`drop table if exists "recommendation_product_stat" cascade;`);

    this.addSql(`drop table if exists "recommendation_rule" cascade;`);

    this.addSql(`drop table if exists "recommendation_session_item" cascade;`);

    this.addSql(`drop table if exists "recommendation_signal" cascade;`);

    this.addSql(`drop table if exists "recommendation_term" cascade;`);
  }

}
