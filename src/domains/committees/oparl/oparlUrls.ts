// The canonical URLs of the OParl API: every object's `id` is its absolute URL under PUBLIC_URL.

export const OPARL_PREFIX = '/api/oparl/v1.1';
export const OPARL_SCHEMA = 'https://schema.oparl.org/1.1/';

export const OPARL_KINDS = ['organization', 'person', 'membership', 'legislativeTerm', 'location', 'meeting', 'agendaItem', 'paper', 'consultation', 'file'] as const;
export type OparlKind = (typeof OPARL_KINDS)[number];

/** URL path segment of each object type's list (and of its objects below it). */
export const KIND_SEGMENT: Record<OparlKind, string> = {
  organization: 'organizations',
  person: 'persons',
  membership: 'memberships',
  legislativeTerm: 'legislative-terms',
  location: 'locations',
  meeting: 'meetings',
  agendaItem: 'agenda-items',
  paper: 'papers',
  consultation: 'consultations',
  file: 'files',
};

export const KIND_TYPE: Record<OparlKind, string> = {
  organization: 'Organization',
  person: 'Person',
  membership: 'Membership',
  legislativeTerm: 'LegislativeTerm',
  location: 'Location',
  meeting: 'Meeting',
  agendaItem: 'AgendaItem',
  paper: 'Paper',
  consultation: 'Consultation',
  file: 'File',
};

export const oparlType = (name: string): string => `${OPARL_SCHEMA}${name}`;

export class OparlUrls {
  readonly api: string;

  /** `publicUrl` is PUBLIC_URL without a trailing slash. */
  constructor(readonly publicUrl: string) {
    this.api = `${publicUrl}${OPARL_PREFIX}`;
  }

  system(): string {
    return `${this.api}/system`;
  }

  bodies(): string {
    return `${this.api}/bodies`;
  }

  body(slug: string): string {
    return `${this.api}/bodies/${slug}`;
  }

  list(slug: string, kind: OparlKind): string {
    return `${this.body(slug)}/${KIND_SEGMENT[kind]}`;
  }

  object(slug: string, kind: OparlKind, id: string): string {
    return `${this.list(slug, kind)}/${id}`;
  }

  organizationMeetings(slug: string, id: string): string {
    return `${this.object(slug, 'organization', id)}/meetings`;
  }

  organizationConsultations(slug: string, id: string): string {
    return `${this.object(slug, 'organization', id)}/consultations`;
  }

  fileAccess(slug: string, id: string): string {
    return `${this.object(slug, 'file', id)}/access`;
  }

  fileDownload(slug: string, id: string): string {
    return `${this.object(slug, 'file', id)}/download`;
  }

  /** The navigator's pages (German, the source language of council documents). */
  web(slug: string, path = ''): string {
    return `${this.publicUrl}/${slug}/de/gremien${path}`;
  }
}
