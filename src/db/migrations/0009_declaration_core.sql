CREATE TABLE "declaration_rate_limit" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "declaration_rate_limit_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "declaration_signatures" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"declaration_id" uuid NOT NULL,
	"state" text DEFAULT 'unconfirmed' NOT NULL,
	"organisation" text NOT NULL,
	"name_key" text NOT NULL,
	"sector" text NOT NULL,
	"website" text,
	"statement" text DEFAULT '' NOT NULL,
	"contact_name" text NOT NULL,
	"email" text NOT NULL,
	"email_key" text NOT NULL,
	"lang" text DEFAULT 'de' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"logo" "bytea",
	"logo_type" text,
	"logo_hash" text,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"challenge_hash" text,
	"confirmed_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"decided_by" text,
	"rejected_at" timestamp with time zone,
	"rejection_reason" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "declaration_signatures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "declaration_signatures_state_check" CHECK (state IN ('unconfirmed', 'awaiting_verification', 'verified', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "declarations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"intro" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"sectors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "declarations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "declaration_rate_limit" ADD CONSTRAINT "declaration_rate_limit_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_signatures" ADD CONSTRAINT "declaration_signatures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declaration_signatures" ADD CONSTRAINT "declaration_signatures_tenant_id_declaration_id_declarations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","declaration_id") REFERENCES "public"."declarations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "declaration_signatures_state_idx" ON "declaration_signatures" USING btree ("tenant_id","declaration_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "declaration_signatures_name_key_idx" ON "declaration_signatures" USING btree ("tenant_id","declaration_id","name_key") WHERE state IN ('unconfirmed', 'awaiting_verification', 'verified');--> statement-breakpoint
CREATE UNIQUE INDEX "declaration_signatures_email_key_idx" ON "declaration_signatures" USING btree ("tenant_id","declaration_id","email_key") WHERE state IN ('unconfirmed', 'awaiting_verification', 'verified');--> statement-breakpoint
CREATE UNIQUE INDEX "declaration_signatures_token_idx" ON "declaration_signatures" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "declaration_signatures_challenge_idx" ON "declaration_signatures" USING btree ("tenant_id","challenge_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "declarations_slug_idx" ON "declarations" USING btree ("tenant_id","slug");