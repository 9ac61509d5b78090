import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122041524 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "stock_adjustment_intent" ("id" text not null, "inventory_item_id" text not null, "location_id" text not null, "actor_type" text check ("actor_type" in ('user', 'customer', 'system')) not null default 'user', "actor_id" text null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_adjustment_intent_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_adjustment_intent_deleted_at" ON "stock_adjustment_intent" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_adjustment_intent_inventory_item_id_location_id_expires_at" ON "stock_adjustment_intent" ("inventory_item_id", "location_id", "expires_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_movement" ("id" text not null, "inventory_item_id" text not null, "location_id" text not null, "stocked_delta" integer not null, "reserved_delta" integer not null, "stocked_quantity" integer not null, "reserved_quantity" integer not null, "reason" text check ("reason" in ('order_placed', 'order_canceled', 'return_received', 'fulfillment_shipped', 'manual_adjustment', 'import', 'other')) not null default 'other', "actor_type" text check ("actor_type" in ('user', 'customer', 'system')) not null default 'system', "actor_id" text null, "reference_type" text null, "reference_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_movement_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_deleted_at" ON "stock_movement" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_inventory_item_id_location_id_created_at" ON "stock_movement" ("inventory_item_id", "location_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stock_adjustment_intent" cascade;`);

    this.addSql(`drop table if exists "stock_movement" cascade;`);
  }

}
