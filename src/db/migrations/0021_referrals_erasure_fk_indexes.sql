CREATE INDEX "case_consents_case_idx" ON "case_consents" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "case_referral_events_case_idx" ON "case_referral_events" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "case_referral_events_person_idx" ON "case_referral_events" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "case_referrals_person_idx" ON "case_referrals" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "case_referrals_consent_idx" ON "case_referrals" USING btree ("tenant_id","consent_id");--> statement-breakpoint
CREATE INDEX "case_releases_person_idx" ON "case_releases" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "case_releases_consent_idx" ON "case_releases" USING btree ("tenant_id","consent_id");