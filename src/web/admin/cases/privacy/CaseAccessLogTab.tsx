// Case tab "Protokoll": every read, change, export, print and release of this case's data.
import type { CaseTabProps } from '../registry.ts';
import { useTenant } from '../../tenant.tsx';
import { AccessLogTable } from './AccessLogTable.tsx';

export default function CaseAccessLogTab({ caseId }: CaseTabProps) {
  const { slug } = useTenant();
  return <AccessLogTable path={`/api/v1/${encodeURIComponent(slug)}/cases/${caseId}/access-log`} />;
}
