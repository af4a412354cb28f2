CREATE TABLE "case_reference_counters" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_reference_counters_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "case_reference_counters_unique" UNIQUE("tenant_id","prefix","year")
);
--> statement-breakpoint
ALTER TABLE "case_reference_counters" ADD CONSTRAINT "case_reference_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_started_idx" ON "cases" USING btree ("tenant_id","started_on");--> statement-breakpoint
CREATE INDEX "cases_programme_idx" ON "cases" USING btree ("tenant_id","programme_id","state");