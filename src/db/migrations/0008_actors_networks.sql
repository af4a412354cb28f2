CREATE TABLE "actor_merges" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"merged_name" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"moved" jsonb NOT NULL,
	"merged_by" text,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actor_merges_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "actor_relationships" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"from_contact_id" uuid,
	"from_organisation_id" uuid,
	"to_organisation_id" uuid NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actor_relationships_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "actor_relationships_one_source" CHECK (num_nonnulls("actor_relationships"."from_contact_id", "actor_relationships"."from_organisation_id") = 1),
	CONSTRAINT "actor_relationships_not_self" CHECK ("actor_relationships"."from_organisation_id" IS NULL OR "actor_relationships"."from_organisation_id" <> "actor_relationships"."to_organisation_id"),
	CONSTRAINT "actor_relationships_period" CHECK ("actor_relationships"."ends_on" IS NULL OR "actor_relationships"."starts_on" IS NULL OR "actor_relationships"."ends_on" >= "actor_relationships"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "contact_consents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"given_on" date NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_consents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"norm_name" text NOT NULL,
	"email" text,
	"phone" text,
	"job_function" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"preferred_channel" text DEFAULT 'email' NOT NULL,
	"opt_out_newsletter" boolean DEFAULT false NOT NULL,
	"opt_out_invitations" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"norm_name" text NOT NULL,
	"type" text DEFAULT 'other' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"street" text,
	"postcode" text,
	"town" text,
	"website" text,
	"email" text,
	"phone" text,
	"domains" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"languages" text[] DEFAULT ARRAY[]::text[] NOT NULL,
	"field_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"target_group_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"area_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"provider_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "organisations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"organisation_id" uuid,
	"contact_id" uuid,
	"role" text DEFAULT 'member' NOT NULL,
	"joined_on" date,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "group_members_uq" UNIQUE NULLS NOT DISTINCT("tenant_id","group_id","organisation_id","contact_id"),
	CONSTRAINT "group_members_someone" CHECK (num_nonnulls("group_members"."organisation_id", "group_members"."contact_id") >= 1),
	CONSTRAINT "group_members_period" CHECK ("group_members"."left_on" IS NULL OR "group_members"."joined_on" IS NULL OR "group_members"."left_on" >= "group_members"."joined_on")
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "meeting_attendance_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "meeting_attendance_uq" UNIQUE("tenant_id","meeting_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "network_groups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'working_group' NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"field_ids" uuid[] DEFAULT ARRAY[]::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "network_groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "network_meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"online_url" text,
	"invitation_text" text DEFAULT '' NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"invitation_sent_at" timestamp with time zone,
	"minutes_sent_at" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "network_meetings_period" CHECK ("network_meetings"."ends_at" > "network_meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "network_tasks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"meeting_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_contact_id" uuid,
	"owner_account_id" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "network_tasks_one_owner" CHECK (num_nonnulls("network_tasks"."owner_contact_id", "network_tasks"."owner_account_id") <= 1)
);
--> statement-breakpoint
ALTER TABLE "actor_merges" ADD CONSTRAINT "actor_merges_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_relationships" ADD CONSTRAINT "actor_relationships_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_relationships" ADD CONSTRAINT "actor_relationships_tenant_id_from_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","from_contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_relationships" ADD CONSTRAINT "actor_relationships_tenant_id_from_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","from_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_relationships" ADD CONSTRAINT "actor_relationships_tenant_id_to_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","to_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consents" ADD CONSTRAINT "contact_consents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consents" ADD CONSTRAINT "contact_consents_tenant_id_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_tenant_id_provider_id_providers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","provider_id") REFERENCES "public"."providers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_tenant_id_group_id_network_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."network_groups"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_tenant_id_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_tenant_id_meeting_id_network_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."network_meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_tenant_id_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_groups" ADD CONSTRAINT "network_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_tenant_id_group_id_network_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."network_groups"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tasks" ADD CONSTRAINT "network_tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tasks" ADD CONSTRAINT "network_tasks_owner_account_id_auth_user_id_fk" FOREIGN KEY ("owner_account_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tasks" ADD CONSTRAINT "network_tasks_tenant_id_group_id_network_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."network_groups"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tasks" ADD CONSTRAINT "network_tasks_tenant_id_meeting_id_network_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."network_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tasks" ADD CONSTRAINT "network_tasks_tenant_id_owner_contact_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_contact_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_merges_survivor_idx" ON "actor_merges" USING btree ("tenant_id","survivor_id");--> statement-breakpoint
CREATE INDEX "actor_relationships_to_idx" ON "actor_relationships" USING btree ("tenant_id","to_organisation_id");--> statement-breakpoint
CREATE INDEX "actor_relationships_from_org_idx" ON "actor_relationships" USING btree ("tenant_id","from_organisation_id");--> statement-breakpoint
CREATE INDEX "actor_relationships_from_contact_idx" ON "actor_relationships" USING btree ("tenant_id","from_contact_id");--> statement-breakpoint
CREATE INDEX "contact_consents_contact_idx" ON "contact_consents" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE INDEX "contacts_norm_name_idx" ON "contacts" USING btree ("tenant_id","norm_name");--> statement-breakpoint
CREATE INDEX "contacts_norm_name_trgm_idx" ON "contacts" USING gin ("norm_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_email_idx" ON "contacts" USING btree ("tenant_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_provider_uq" ON "organisations" USING btree ("tenant_id","provider_id");--> statement-breakpoint
CREATE INDEX "organisations_norm_name_idx" ON "organisations" USING btree ("tenant_id","norm_name");--> statement-breakpoint
CREATE INDEX "organisations_norm_name_trgm_idx" ON "organisations" USING gin ("norm_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_domains_idx" ON "organisations" USING gin ("domains");--> statement-breakpoint
CREATE INDEX "organisations_field_ids_idx" ON "organisations" USING gin ("field_ids");--> statement-breakpoint
CREATE INDEX "organisations_target_group_ids_idx" ON "organisations" USING gin ("target_group_ids");--> statement-breakpoint
CREATE INDEX "organisations_area_ids_idx" ON "organisations" USING gin ("area_ids");--> statement-breakpoint
CREATE INDEX "group_members_group_idx" ON "group_members" USING btree ("tenant_id","group_id");--> statement-breakpoint
CREATE INDEX "group_members_organisation_idx" ON "group_members" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE INDEX "group_members_contact_idx" ON "group_members" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_contact_idx" ON "meeting_attendance" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE INDEX "network_groups_name_idx" ON "network_groups" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "network_meetings_group_idx" ON "network_meetings" USING btree ("tenant_id","group_id","starts_at");--> statement-breakpoint
CREATE INDEX "network_tasks_status_idx" ON "network_tasks" USING btree ("tenant_id","status","due_on");--> statement-breakpoint
CREATE INDEX "network_tasks_group_idx" ON "network_tasks" USING btree ("tenant_id","group_id");--> statement-breakpoint
CREATE INDEX "network_tasks_owner_contact_idx" ON "network_tasks" USING btree ("tenant_id","owner_contact_id");