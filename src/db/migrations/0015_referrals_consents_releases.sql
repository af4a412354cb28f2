CREATE TABLE "case_consents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid,
	"purpose" text NOT NULL,
	"recipient_type" text NOT NULL,
	"provider_id" uuid,
	"recipient_name" text,
	"text_id" uuid NOT NULL,
	"text_version" integer NOT NULL,
	"given_on" date NOT NULL,
	"expires_on" date,
	"withdrawn_on" date,
	"withdrawn_by" text,
	"withdrawn_by_label" text,
	"withdrawn_at" timestamp with time zone,
	"recorded_by" text,
	"recorded_by_label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_consents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "case_consents_expiry_check" CHECK ("case_consents"."expires_on" IS NULL OR "case_consents"."expires_on" > "case_consents"."given_on"),
	CONSTRAINT "case_consents_withdrawal_check" CHECK ("case_consents"."withdrawn_on" IS NULL OR "case_consents"."withdrawn_on" >= "case_consents"."given_on"),
	CONSTRAINT "case_consents_recipient_check" CHECK (("case_consents"."recipient_type" = 'provider' AND "case_consents"."provider_id" IS NOT NULL) OR ("case_consents"."recipient_type" = 'external' AND "case_consents"."recipient_name" IS NOT NULL) OR ("case_consents"."recipient_type" = 'any_provider'))
);
--> statement-breakpoint
CREATE TABLE "consent_texts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text,
	"created_by_label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_texts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "consent_texts_version_unique" UNIQUE("tenant_id","purpose","version")
);
--> statement-breakpoint
CREATE TABLE "case_referral_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"actor_id" text,
	"actor_label" text DEFAULT '' NOT NULL,
	"actor_role" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_referral_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_referrals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"offer_id" uuid,
	"provider_id" uuid,
	"offer_title" text,
	"external_name" text,
	"external_contact" text,
	"state" text DEFAULT 'sent' NOT NULL,
	"shared_fields" text[] NOT NULL,
	"snapshot_enc" text NOT NULL,
	"consent_id" uuid,
	"override_reason" text,
	"reason" text,
	"feedback_enc" text,
	"sent_by" text,
	"sent_by_label" text DEFAULT '' NOT NULL,
	"sent_by_name" text DEFAULT '' NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_referrals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "case_referrals_target_check" CHECK (("case_referrals"."kind" = 'offer' AND "case_referrals"."offer_id" IS NOT NULL AND "case_referrals"."provider_id" IS NOT NULL) OR ("case_referrals"."kind" = 'external' AND "case_referrals"."external_name" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "case_releases" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"recipient_type" text NOT NULL,
	"provider_id" uuid,
	"recipient_name" text,
	"purpose" text NOT NULL,
	"fields" text[] NOT NULL,
	"released_on" date NOT NULL,
	"consent_id" uuid,
	"override_reason" text,
	"released_by" text,
	"released_by_label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_releases_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_tenant_id_provider_id_providers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","provider_id") REFERENCES "public"."providers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_tenant_id_text_id_consent_texts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","text_id") REFERENCES "public"."consent_texts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_texts" ADD CONSTRAINT "consent_texts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral_events" ADD CONSTRAINT "case_referral_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral_events" ADD CONSTRAINT "case_referral_events_tenant_id_referral_id_case_referrals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","referral_id") REFERENCES "public"."case_referrals"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral_events" ADD CONSTRAINT "case_referral_events_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral_events" ADD CONSTRAINT "case_referral_events_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_tenant_id_offer_id_offers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offer_id") REFERENCES "public"."offers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_tenant_id_provider_id_providers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","provider_id") REFERENCES "public"."providers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_tenant_id_consent_id_case_consents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","consent_id") REFERENCES "public"."case_consents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_releases" ADD CONSTRAINT "case_releases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_releases" ADD CONSTRAINT "case_releases_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_releases" ADD CONSTRAINT "case_releases_tenant_id_person_id_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_releases" ADD CONSTRAINT "case_releases_tenant_id_provider_id_providers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","provider_id") REFERENCES "public"."providers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_releases" ADD CONSTRAINT "case_releases_tenant_id_consent_id_case_consents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","consent_id") REFERENCES "public"."case_consents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_consents_person_idx" ON "case_consents" USING btree ("tenant_id","person_id","purpose");--> statement-breakpoint
CREATE INDEX "case_referral_events_referral_idx" ON "case_referral_events" USING btree ("tenant_id","referral_id","at");--> statement-breakpoint
CREATE INDEX "case_referrals_case_idx" ON "case_referrals" USING btree ("tenant_id","case_id","sent_at");--> statement-breakpoint
CREATE INDEX "case_referrals_inbox_idx" ON "case_referrals" USING btree ("tenant_id","provider_id","sent_at");--> statement-breakpoint
CREATE INDEX "case_referrals_sent_idx" ON "case_referrals" USING btree ("tenant_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_referrals_open_offer_unique" ON "case_referrals" USING btree ("tenant_id","case_id","offer_id") WHERE "case_referrals"."state" IN ('sent', 'accepted') AND "case_referrals"."offer_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "case_referrals_open_external_unique" ON "case_referrals" USING btree ("tenant_id","case_id",lower("external_name")) WHERE "case_referrals"."state" IN ('sent', 'accepted') AND "case_referrals"."external_name" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "case_releases_case_idx" ON "case_releases" USING btree ("tenant_id","case_id","released_on");