import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122055649 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stock_threshold" drop constraint if exists "stock_threshold_inventory_item_id_unique";`);
    this.addSql(`alter table if exists "stock_alert" drop constraint if exists "stock_alert_inventory_item_id_location_id_kind_unique";`);
    this.addSql(`create table if not exists "stock_alert" ("id" text not null, "inventory_item_id" text not null, "location_id" text not null, "kind" text check ("kind" in ('low_stock', 'out_of_stock')) not null, "available_quantity" integer not null, "threshold" integer not null, "resolved_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_alert_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_alert_deleted_at" ON "stock_alert" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_alert_inventory_item_id_location_id_kind_unique" ON "stock_alert" ("inventory_item_id", "location_id", "kind") WHERE resolved_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_alert_resolved_at_created_at" ON "stock_alert" ("resolved_at", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_threshold" ("id" text not null, "inventory_item_id" text not null, "threshold" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_threshold_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_threshold_deleted_at" ON "stock_threshold" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_threshold_inventory_item_id_unique" ON "stock_threshold" ("inventory_item_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stock_alert" cascade;`);

    this.addSql(`drop table if exists "stock_threshold" cascade;`);
  }

}
