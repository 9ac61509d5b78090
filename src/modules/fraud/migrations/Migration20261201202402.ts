import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201202402 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "fraud_assessment" add column if not exists "address_key" text null, add column if not exists "card_fingerprint" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "fraud_assessment" drop column if exists "address_key", drop column if exists "card_fingerprint";`);
  }

}
