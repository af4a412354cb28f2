-- Committees: public answers (navigator pages, OParl, calendars) are cached per node keyed by the
-- content generation (migration 0002). Every change of committee data bumps it, so no node serves
-- an answer older than the last committed change (committee writes are rare office work).
DROP TRIGGER IF EXISTS committees_content_generation ON committees;--> statement-breakpoint
CREATE TRIGGER committees_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committees
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS committee_terms_content_generation ON committee_terms;--> statement-breakpoint
CREATE TRIGGER committee_terms_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee_terms
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS committee_persons_content_generation ON committee_persons;--> statement-breakpoint
CREATE TRIGGER committee_persons_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee_persons
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS committee_memberships_content_generation ON committee_memberships;--> statement-breakpoint
CREATE TRIGGER committee_memberships_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee_memberships
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS committee_locations_content_generation ON committee_locations;--> statement-breakpoint
CREATE TRIGGER committee_locations_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee_locations
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS committee_meetings_content_generation ON committee_meetings;--> statement-breakpoint
CREATE TRIGGER committee_meetings_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee_meetings
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS committee_agenda_items_content_generation ON committee_agenda_items;--> statement-breakpoint
CREATE TRIGGER committee_agenda_items_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee_agenda_items
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS committee_papers_content_generation ON committee_papers;--> statement-breakpoint
CREATE TRIGGER committee_papers_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee_papers
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS committee_consultations_content_generation ON committee_consultations;--> statement-breakpoint
CREATE TRIGGER committee_consultations_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee_consultations
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS committee_files_content_generation ON committee_files;--> statement-breakpoint
CREATE TRIGGER committee_files_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON committee_files
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();
