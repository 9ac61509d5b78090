import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201193735 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "transport_zone" drop constraint if exists "transport_zone_name_unique";`);
    this.addSql(`alter table if exists "transport_weight_default" drop constraint if exists "transport_weight_default_product_type_id_unique";`);
    this.addSql(`alter table if exists "transport_tracking_event" drop constraint if exists "transport_tracking_event_carrier_code_carrier_event_id_unique";`);
    this.addSql(`alter table if exists "transport_surcharge" drop constraint if exists "transport_surcharge_name_currency_code_unique";`);
    this.addSql(`alter table if exists "transport_shipment" drop constraint if exists "transport_shipment_tracking_number_unique";`);
    this.addSql(`alter table if exists "transport_service_level" drop constraint if exists "transport_service_level_carrier_id_code_unique";`);
    this.addSql(`alter table if exists "transport_rate" drop constraint if exists "transport_rate_zone_name_carrier_code_service_level_code_currency_code_max_weight_g_unique";`);
    this.addSql(`alter table if exists "transport_carrier" drop constraint if exists "transport_carrier_code_unique";`);
    this.addSql(`create table if not exists "transport_carrier" ("id" text not null, "code" text not null, "name" text not null, "dim_divisor" integer not null default 5000, "tracking_url_template" text not null, "webhook_secret" text null, "webhook_tolerance_seconds" integer not null default 300, "is_enabled" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transport_carrier_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_carrier_deleted_at" ON "transport_carrier" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_transport_carrier_code_unique" ON "transport_carrier" ("code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transport_rate" ("id" text not null, "zone_name" text not null, "carrier_code" text not null, "service_level_code" text not null, "currency_code" text not null, "max_weight_g" integer not null, "amount" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transport_rate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_rate_deleted_at" ON "transport_rate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_transport_rate_zone_name_carrier_code_service_level_code_currency_code_max_weight_g_unique" ON "transport_rate" ("zone_name", "carrier_code", "service_level_code", "currency_code", "max_weight_g") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transport_service_level" ("id" text not null, "code" text not null, "name" text not null, "min_days" integer not null, "max_days" integer not null, "free_shipping_eligible" boolean not null default false, "carrier_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transport_service_level_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_service_level_carrier_id" ON "transport_service_level" ("carrier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_service_level_deleted_at" ON "transport_service_level" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_transport_service_level_carrier_id_code_unique" ON "transport_service_level" ("carrier_id", "code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transport_shipment" ("id" text not null, "fulfillment_id" text not null, "order_id" text null, "carrier_code" text not null, "service_level_code" text not null, "tracking_number" text not null, "tracking_url" text not null, "label_file_id" text null, "label_url" text null, "is_return" boolean not null default false, "status" text check ("status" in ('label_created', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'returned_to_sender', 'voided')) not null default 'label_created', "exception" text null, "weight_g" integer not null, "shipped_at" timestamptz null, "delivered_at" timestamptz null, "last_event_at" timestamptz null, "voided_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transport_shipment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_shipment_deleted_at" ON "transport_shipment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_transport_shipment_tracking_number_unique" ON "transport_shipment" ("tracking_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_shipment_fulfillment_id" ON "transport_shipment" ("fulfillment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_shipment_order_id" ON "transport_shipment" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transport_surcharge" ("id" text not null, "name" text not null, "per" text check ("per" in ('order', 'item')) not null, "condition" text check ("condition" in ('always', 'remote_area', 'oversize')) not null, "zone_name" text null, "carrier_code" text null, "postal_prefixes" jsonb null, "min_longest_side_cm" integer null, "currency_code" text not null, "amount" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transport_surcharge_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_surcharge_deleted_at" ON "transport_surcharge" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_transport_surcharge_name_currency_code_unique" ON "transport_surcharge" ("name", "currency_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transport_tracking_event" ("id" text not null, "carrier_code" text not null, "carrier_event_id" text not null, "status" text check ("status" in ('in_transit', 'out_for_delivery', 'delivered', 'failed_delivery', 'returned_to_sender')) not null, "description" text not null, "location" text null, "occurred_at" timestamptz not null, "shipment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transport_tracking_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_tracking_event_shipment_id" ON "transport_tracking_event" ("shipment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_tracking_event_deleted_at" ON "transport_tracking_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_transport_tracking_event_carrier_code_carrier_event_id_unique" ON "transport_tracking_event" ("carrier_code", "carrier_event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_tracking_event_shipment_id_occurred_at" ON "transport_tracking_event" ("shipment_id", "occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transport_weight_default" ("id" text not null, "product_type_id" text null, "weight_g" integer not null, "length_cm" integer null, "width_cm" integer null, "height_cm" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transport_weight_default_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_weight_default_deleted_at" ON "transport_weight_default" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_transport_weight_default_product_type_id_unique" ON "transport_weight_default" ("product_type_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "transport_zone" ("id" text not null, "name" text not null, "countries" jsonb not null, "postal_prefixes" jsonb null, "postal_ranges" jsonb null, "priority" integer not null default 0, "free_shipping_over" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "transport_zone_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_transport_zone_deleted_at" ON "transport_zone" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_transport_zone_name_unique" ON "transport_zone" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "transport_service_level" add constraint "transport_service_level_carrier_id_foreign" foreign key ("carrier_id") references "transport_carrier" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "transport_tracking_event" add constraint "transport_tracking_event_shipment_id_foreign" foreign key ("shipment_id") references "transport_shipment" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "transport_service_level" drop constraint if exists "transport_service_level_carrier_id_foreign";`);

    this.addSql(`alter table if exists "transport_tracking_event" drop constraint if exists "transport_tracking_event_shipment_id_foreign";`);

    this.addSql(`drop table if exists "transport_carrier" cascade;`);

    this.addSql(`drop table if exists "transport_rate" cascade;`);

    this.addSql(`drop table if exists "transport_service_level" cascade;`);

    this.addSql(`drop table if exists "transport_shipment" cascade;`);

    this.addSql(`drop table if exists "transport_surcharge" cascade;`);

    this.addSql(`drop table if exists "transport_tracking_event" cascade;`);

    this.addSql(`drop table if exists "transport_weight_default" cascade;`);

    this.addSql(`drop table if exists "transport_zone" cascade;`);
  }

}
