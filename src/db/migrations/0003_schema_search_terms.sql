-- Brings the drizzle schema up to date with what 0002 created by hand (search_terms, title_tsv), so
-- schema.ts stays the single description of the database. Idempotent: the objects exist already.
CREATE TABLE IF NOT EXISTS "search_terms" (
	"tenant_id" uuid NOT NULL REFERENCES "public"."tenants"("id"),
	"term" text NOT NULL,
	CONSTRAINT "search_terms_tenant_id_term_pk" PRIMARY KEY("tenant_id","term")
);
--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN IF NOT EXISTS "title_tsv" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "search_terms_term_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
-- The back office lists offers by last change.
CREATE INDEX IF NOT EXISTS "offers_updated_idx" ON "offers" USING btree ("tenant_id","updated_at");
