import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122060622 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_stock_adjustment_intent_inventory_item_id_location_id_expires_at";`);

    this.addSql(`alter table if exists "stock_adjustment_intent" add column if not exists "reason" text check ("reason" in ('order_placed', 'order_canceled', 'return_received', 'fulfillment_shipped', 'manual_adjustment', 'import', 'other')) not null default 'manual_adjustment', add column if not exists "reference_type" text null, add column if not exists "reference_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_adjustment_intent_inventory_item_id_location_id_reason_expires_at" ON "stock_adjustment_intent" ("inventory_item_id", "location_id", "reason", "expires_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_stock_adjustment_intent_inventory_item_id_location_id_reason_expires_at";`);
    this.addSql(`alter table if exists "stock_adjustment_intent" drop column if exists "reason", drop column if exists "reference_type", drop column if exists "reference_id";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_adjustment_intent_inventory_item_id_location_id_expires_at" ON "stock_adjustment_intent" ("inventory_item_id", "location_id", "expires_at") WHERE deleted_at IS NULL;`);
  }

}
