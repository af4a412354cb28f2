-- Network generation: bumped by every statement that changes what the network overview draws, so
-- every app node can tell whether its cached graph is still current (networks/graphCache.ts).
CREATE SEQUENCE IF NOT EXISTS lotse_network_generation;--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_bump_network_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('lotse_network_generation');
  RETURN NULL;
END $$;--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'contacts', 'actor_relationships', 'network_groups', 'group_members'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_network_generation', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION lotse_bump_network_generation()',
                   t || '_network_generation', t);
  END LOOP;
END $$;
