-- Declarations: the public navigator caches declaration pages keyed by the content generation
-- (migration 0002). Every change of a declaration bumps it; a signature only when it is or was
-- public (verified) - sign-ups and e-mail confirmations must not empty every public cache.
DROP TRIGGER IF EXISTS declarations_content_generation ON declarations;--> statement-breakpoint
CREATE TRIGGER declarations_content_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON declarations
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS declaration_signatures_public_insert ON declaration_signatures;--> statement-breakpoint
CREATE TRIGGER declaration_signatures_public_insert AFTER INSERT ON declaration_signatures
  FOR EACH ROW WHEN (NEW.state = 'verified') EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS declaration_signatures_public_update ON declaration_signatures;--> statement-breakpoint
CREATE TRIGGER declaration_signatures_public_update AFTER UPDATE ON declaration_signatures
  FOR EACH ROW WHEN (OLD.state = 'verified' OR NEW.state = 'verified') EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS declaration_signatures_public_delete ON declaration_signatures;--> statement-breakpoint
CREATE TRIGGER declaration_signatures_public_delete AFTER DELETE ON declaration_signatures
  FOR EACH ROW WHEN (OLD.state = 'verified') EXECUTE FUNCTION lotse_bump_content_generation();--> statement-breakpoint
DROP TRIGGER IF EXISTS declaration_signatures_truncate ON declaration_signatures;--> statement-breakpoint
CREATE TRIGGER declaration_signatures_truncate AFTER TRUNCATE ON declaration_signatures
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_content_generation();
