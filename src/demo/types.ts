/** Demo content types for the Lotse demo tenants (pure data, no runtime dependencies). */
export const DEMO_LANGUAGES = ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr', 'ro', 'bg'] as const;
export type DemoLang = (typeof DEMO_LANGUAGES)[number];
export type L10n = Record<DemoLang, string>;
export interface DemoTimeSlot { start: string; end: string } // "09:00"
export interface DemoOpeningDay { weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7; slots: DemoTimeSlot[]; appointmentOnly?: boolean } // 1 = Monday
export interface DemoContact { name: string; role: string; email?: string; phone?: string; officeHours?: string }
export interface DemoArea { key: string; kind: 'district' | 'municipality'; name: string; lat: number; lon: number; postcode?: string }
export interface DemoFieldOfAction { key: string; icon: string; color: string; names: L10n }
export interface DemoTargetGroup { key: string; names: L10n }
export interface DemoProvider { key: string; name: string; description: string; website?: string; email?: string; phone?: string; street: string; postcode: string; town: string; trusted: boolean }
export interface DemoLocation { key: string; providerKey: string; name: string; street: string; postcode: string; town: string; areaKey: string; lat: number; lon: number; barrierFree: boolean; temporarilyClosed: boolean; appointmentOnly: boolean; openingHours: DemoOpeningDay[]; contacts: DemoContact[] }
export interface DemoOfferText { title: string; summary: string; description: string; costs: string; requirements: string; registration: string }
export interface DemoOffer { key: string; providerKey: string; locationKeys: string[]; fieldKeys: string[]; targetGroupKeys: string[]; areaKeys: string[]; languages: string[] /* ISO codes the offer is held in, e.g. ['de','ar'] */; freeOfCharge: boolean; childcare: boolean; barrierFree: boolean; online: boolean; inPerson: boolean; signupUrl?: string; email?: string; phone?: string; texts: Partial<Record<DemoLang, DemoOfferText>> & { de: DemoOfferText }; kindKey?: string }
export interface DemoFirstStep { title: L10n; text: L10n; fieldKey?: string; offerKeys: string[] }
export interface DemoFirstStepsList { targetGroupKey: string; title: L10n; intro: L10n; steps: DemoFirstStep[] }
export interface DemoTenant { slug: string; name: string; languages: DemoLang[]; primaryColor: string; accentColor: string; imprint: string; privacy: string; areas: DemoArea[]; fieldsOfAction: DemoFieldOfAction[]; targetGroups: DemoTargetGroup[]; providers: DemoProvider[]; locations: DemoLocation[]; offers: DemoOffer[]; synonyms: string[][]; firstSteps: DemoFirstStepsList[] }
