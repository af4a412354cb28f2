-- An agreed integration plan (Zielvereinbarung) is frozen: once a plan version is agreed, the
-- texts of its goals (field, title, steps, responsible, deadline, order) never change; progress
-- (status, steps done, outcome) may still be recorded on the current agreement. A superseded
-- agreement does not change at all. Goals are only ever added to drafts. Moving the rows to
-- another person record (merge) stays possible. The services check all of this first and name
-- the field; these triggers are the guarantee underneath.
CREATE OR REPLACE FUNCTION lotse_case_goals_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  plan_status text;
BEGIN
  SELECT status INTO plan_status FROM case_plans WHERE tenant_id = NEW.tenant_id AND id = NEW.plan_id;
  IF TG_OP = 'INSERT' THEN
    IF plan_status IS DISTINCT FROM 'draft' THEN
      RAISE EXCEPTION 'goals can only be added to a draft plan' USING ERRCODE = '55000';
    END IF;
    RETURN NEW;
  END IF;
  SELECT status INTO plan_status FROM case_plans WHERE tenant_id = OLD.tenant_id AND id = OLD.plan_id;
  IF plan_status = 'draft' THEN
    RETURN NEW;
  END IF;
  IF NEW.plan_id IS DISTINCT FROM OLD.plan_id OR NEW.origin_id IS DISTINCT FROM OLD.origin_id
     OR NEW.position IS DISTINCT FROM OLD.position OR NEW.field_of_action IS DISTINCT FROM OLD.field_of_action
     OR NEW.title IS DISTINCT FROM OLD.title OR NEW.responsible IS DISTINCT FROM OLD.responsible
     OR NEW.responsible_name IS DISTINCT FROM OLD.responsible_name OR NEW.deadline IS DISTINCT FROM OLD.deadline
     OR (SELECT coalesce(jsonb_agg(s - 'done' ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(NEW.steps) WITH ORDINALITY AS e(s, n))
        IS DISTINCT FROM (SELECT coalesce(jsonb_agg(s - 'done' ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(OLD.steps) WITH ORDINALITY AS e(s, n))
  THEN
    RAISE EXCEPTION 'the goals of an agreed plan are frozen' USING ERRCODE = '55000';
  END IF;
  IF plan_status = 'superseded' AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.outcome IS DISTINCT FROM OLD.outcome
     OR NEW.outcome_on IS DISTINCT FROM OLD.outcome_on OR NEW.steps IS DISTINCT FROM OLD.steps) THEN
    RAISE EXCEPTION 'a superseded plan does not change' USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER case_goals_frozen BEFORE INSERT OR UPDATE ON case_goals
  FOR EACH ROW EXECUTE FUNCTION lotse_case_goals_frozen();--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_case_plans_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'draft' THEN
    RETURN NEW;
  END IF;
  IF NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.version IS DISTINCT FROM OLD.version
     OR NEW.starts_on IS DISTINCT FROM OLD.starts_on OR NEW.agreed_on IS DISTINCT FROM OLD.agreed_on
     OR NEW.review_due_on IS DISTINCT FROM OLD.review_due_on
     OR (OLD.status = 'superseded' AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.superseded_on IS DISTINCT FROM OLD.superseded_on))
     OR (OLD.status = 'agreed' AND NEW.status NOT IN ('agreed', 'superseded'))
  THEN
    RAISE EXCEPTION 'an agreed plan is frozen' USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER case_plans_frozen BEFORE UPDATE ON case_plans
  FOR EACH ROW EXECUTE FUNCTION lotse_case_plans_frozen();
