import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202030651 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "search_synonym_group" drop constraint if exists "search_synonym_group_key_unique";`);
    this.addSql(`create table if not exists "search_synonym_group" ("id" text not null, "terms" jsonb not null, "key" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "search_synonym_group_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_search_synonym_group_deleted_at" ON "search_synonym_group" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_search_synonym_group_key_unique" ON "search_synonym_group" ("key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "search_synonym_group" cascade;`);
  }

}
