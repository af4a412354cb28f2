CREATE TABLE "committee_agenda_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"resolution_text" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "committee_agenda_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "committee_agenda_items_meeting_key" UNIQUE("tenant_id","meeting_id","id")
);
--> statement-breakpoint
CREATE TABLE "committee_consultations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"paper_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "committee_consultations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "committee_consultations_role_check" CHECK (role IN ('advisory', 'deciding'))
);
--> statement-breakpoint
CREATE TABLE "committee_file_contents" (
	"tenant_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "committee_file_contents_tenant_id_file_id_pk" PRIMARY KEY("tenant_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "committee_files" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha1" text NOT NULL,
	"sha512" text NOT NULL,
	"date" date,
	"role" text NOT NULL,
	"paper_id" uuid,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "committee_files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "committee_files_role_check" CHECK (role IN ('main', 'auxiliary', 'invitation', 'results_protocol', 'verbatim_protocol', 'resolution')),
	CONSTRAINT "committee_files_parent_check" CHECK (num_nonnulls(paper_id, meeting_id, agenda_item_id) = 1),
	CONSTRAINT "committee_files_role_parent_check" CHECK ((paper_id IS NOT NULL AND role IN ('main', 'auxiliary')) OR (meeting_id IS NOT NULL AND role IN ('invitation', 'results_protocol', 'verbatim_protocol', 'auxiliary')) OR (agenda_item_id IS NOT NULL AND role IN ('resolution', 'auxiliary'))),
	CONSTRAINT "committee_files_size_check" CHECK (size >= 0)
);
--> statement-breakpoint
CREATE TABLE "committee_locations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"description" text NOT NULL,
	"street_address" text DEFAULT '' NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"locality" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "committee_locations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "committee_meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"name" text NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone,
	"location_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "committee_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "committee_meetings_state_check" CHECK (state IN ('scheduled', 'invited', 'held', 'cancelled')),
	CONSTRAINT "committee_meetings_times_check" CHECK (end_at IS NULL OR end_at >= start_at)
);
--> statement-breakpoint
CREATE TABLE "committee_memberships" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"voting_right" boolean DEFAULT true NOT NULL,
	"start_date" date,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "committee_memberships_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "committee_memberships_role_check" CHECK (role IN ('chair', 'deputy_chair', 'member', 'advisory_member')),
	CONSTRAINT "committee_memberships_dates_check" CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
--> statement-breakpoint
CREATE TABLE "committee_papers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"name" text NOT NULL,
	"paper_type" text NOT NULL,
	"date" date NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "committee_papers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "committee_persons" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text DEFAULT '' NOT NULL,
	"form_of_address" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"publish_contact" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "committee_persons_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "committee_terms" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "committee_terms_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "committee_terms_dates_check" CHECK (end_date IS NULL OR end_date >= start_date)
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"short_name" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"website" text,
	"start_date" date,
	"end_date" date,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "committees_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "committees_kind_check" CHECK (kind IN ('committee', 'advisory_council', 'forum', 'working_group')),
	CONSTRAINT "committees_dates_check" CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
--> statement-breakpoint
ALTER TABLE "committee_agenda_items" ADD CONSTRAINT "committee_agenda_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_agenda_items" ADD CONSTRAINT "committee_agenda_items_tenant_id_meeting_id_committee_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."committee_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_consultations" ADD CONSTRAINT "committee_consultations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_consultations" ADD CONSTRAINT "committee_consultations_tenant_id_paper_id_committee_papers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","paper_id") REFERENCES "public"."committee_papers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_consultations" ADD CONSTRAINT "committee_consultations_tenant_id_meeting_id_committee_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."committee_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_consultations" ADD CONSTRAINT "committee_consultations_agenda_item_fk" FOREIGN KEY ("tenant_id","meeting_id","agenda_item_id") REFERENCES "public"."committee_agenda_items"("tenant_id","meeting_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_file_contents" ADD CONSTRAINT "committee_file_contents_tenant_id_file_id_committee_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."committee_files"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_files" ADD CONSTRAINT "committee_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_files" ADD CONSTRAINT "committee_files_tenant_id_paper_id_committee_papers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","paper_id") REFERENCES "public"."committee_papers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_files" ADD CONSTRAINT "committee_files_tenant_id_meeting_id_committee_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."committee_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_files" ADD CONSTRAINT "committee_files_tenant_id_agenda_item_id_committee_agenda_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agenda_item_id") REFERENCES "public"."committee_agenda_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_locations" ADD CONSTRAINT "committee_locations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_tenant_id_committee_id_committees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","committee_id") REFERENCES "public"."committees"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_tenant_id_location_id_committee_locations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."committee_locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_memberships" ADD CONSTRAINT "committee_memberships_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_memberships" ADD CONSTRAINT "committee_memberships_tenant_id_committee_id_committees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","committee_id") REFERENCES "public"."committees"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_memberships" ADD CONSTRAINT "committee_memberships_tenant_id_person_id_committee_persons_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."committee_persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_papers" ADD CONSTRAINT "committee_papers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_persons" ADD CONSTRAINT "committee_persons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_terms" ADD CONSTRAINT "committee_terms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_terms" ADD CONSTRAINT "committee_terms_tenant_id_committee_id_committees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","committee_id") REFERENCES "public"."committees"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_agenda_items_meeting_idx" ON "committee_agenda_items" USING btree ("tenant_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "committee_agenda_items_created_idx" ON "committee_agenda_items" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_consultations_agenda_item_key" ON "committee_consultations" USING btree ("tenant_id","agenda_item_id") WHERE deleted_at IS NULL AND agenda_item_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "committee_consultations_paper_idx" ON "committee_consultations" USING btree ("tenant_id","paper_id");--> statement-breakpoint
CREATE INDEX "committee_consultations_meeting_idx" ON "committee_consultations" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "committee_consultations_created_idx" ON "committee_consultations" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_files_single_role_key" ON "committee_files" USING btree ("tenant_id",coalesce(paper_id, meeting_id, agenda_item_id),"role") WHERE deleted_at IS NULL AND role <> 'auxiliary';--> statement-breakpoint
CREATE INDEX "committee_files_paper_idx" ON "committee_files" USING btree ("tenant_id","paper_id");--> statement-breakpoint
CREATE INDEX "committee_files_meeting_idx" ON "committee_files" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "committee_files_agenda_item_idx" ON "committee_files" USING btree ("tenant_id","agenda_item_id");--> statement-breakpoint
CREATE INDEX "committee_files_created_idx" ON "committee_files" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "committee_locations_created_idx" ON "committee_locations" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "committee_meetings_committee_idx" ON "committee_meetings" USING btree ("tenant_id","committee_id","start_at");--> statement-breakpoint
CREATE INDEX "committee_meetings_created_idx" ON "committee_meetings" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "committee_meetings_modified_idx" ON "committee_meetings" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE INDEX "committee_memberships_committee_idx" ON "committee_memberships" USING btree ("tenant_id","committee_id");--> statement-breakpoint
CREATE INDEX "committee_memberships_person_idx" ON "committee_memberships" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "committee_memberships_created_idx" ON "committee_memberships" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_papers_reference_key" ON "committee_papers" USING btree ("tenant_id","reference") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "committee_papers_created_idx" ON "committee_papers" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "committee_persons_created_idx" ON "committee_persons" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "committee_persons_name_idx" ON "committee_persons" USING btree ("tenant_id","family_name");--> statement-breakpoint
CREATE INDEX "committee_terms_created_idx" ON "committee_terms" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "committees_created_idx" ON "committees" USING btree ("tenant_id","created_at","id");