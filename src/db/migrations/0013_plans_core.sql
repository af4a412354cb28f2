CREATE TABLE "case_assessments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"field_of_action" text NOT NULL,
	"situation_enc" text,
	"needs_enc" text,
	"resources_enc" text,
	"updated_by" text,
	"updated_by_label" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_assessments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "case_assessments_field_unique" UNIQUE("tenant_id","case_id","field_of_action")
);
--> statement-breakpoint
CREATE TABLE "case_goals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"origin_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"field_of_action" text NOT NULL,
	"title" text NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"responsible" text DEFAULT 'person' NOT NULL,
	"responsible_name" text,
	"deadline" date,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"outcome_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_goals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"starts_on" date NOT NULL,
	"agreed_on" date,
	"agreed_by" text,
	"agreed_by_label" text,
	"review_due_on" date,
	"superseded_on" date,
	"previous_plan_id" uuid,
	"created_by" text,
	"created_by_label" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"updated_by_label" text DEFAULT '' NOT NULL,
	"version_lock" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "case_plans_version_unique" UNIQUE("tenant_id","case_id","version")
);
--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_goals" ADD CONSTRAINT "case_goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_goals" ADD CONSTRAINT "case_goals_tenant_id_plan_id_case_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."case_plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_goals" ADD CONSTRAINT "case_goals_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_goals" ADD CONSTRAINT "case_goals_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plans" ADD CONSTRAINT "case_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plans" ADD CONSTRAINT "case_plans_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_plans" ADD CONSTRAINT "case_plans_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_assessments_person_idx" ON "case_assessments" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "case_goals_plan_idx" ON "case_goals" USING btree ("tenant_id","plan_id","position");--> statement-breakpoint
CREATE INDEX "case_goals_case_idx" ON "case_goals" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "case_goals_person_idx" ON "case_goals" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_plans_one_draft" ON "case_plans" USING btree ("tenant_id","case_id") WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "case_plans_one_agreed" ON "case_plans" USING btree ("tenant_id","case_id") WHERE status = 'agreed';--> statement-breakpoint
CREATE INDEX "case_plans_person_idx" ON "case_plans" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "case_plans_review_idx" ON "case_plans" USING btree ("tenant_id","review_due_on") WHERE status = 'agreed';