import type { Role } from '@ree/platform/auth';
import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

const OFFICER: Role = 'licensing-officer';
const PARTY = { name: 'Magnetfabrik Bonn GmbH', country: 'DE', address: 'Dorotheenstraße 215, 53119 Bonn' };

/** A consignment whose licence was suspended after it was attached: what an audit looks back on. */
export interface AuditedConsignment {
  readonly consignmentId: string;
  readonly licenceId: string;
  readonly mineId: string;
  /** The X-Correlation-Id sent with the suspension. */
  readonly suspensionCorrelationId: string;
  /** The officer who suspended the licence (the token's `sub`). */
  readonly suspendedBy: string;
}

/**
 * Through the public API, as the staff and the exporter would: a mine with a quota, a licence
 * applied for, approved and countersigned, a consignment registered, sourced from the mine,
 * separated at a yield of 0.9 and attached to the licence, then the licence suspended.
 */
export async function consignmentWithSuspendedLicence(app: TestApp): Promise<AuditedConsignment> {
  const org = `org-e2e-audit-${randomUUID().slice(0, 8)}`;
  const suspendedBy = `officer-e2e-audit-${randomUUID().slice(0, 8)}`;
  const suspensionCorrelationId = `e2e-audit-suspension-${randomUUID()}`;
  const post = async (path: string, body: object, role: Role, sub?: string, correlationId?: string): Promise<string> => {
    const request = app.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${app.token(role, role === 'exporter' ? org : undefined, sub)}`);
    const response = await (correlationId === undefined ? request : request.set('X-Correlation-Id', correlationId)).send(body);
    if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body.id;
  };

  const mineId = await post(
    '/mines',
    { name: `Bayan Obo ${randomUUID().slice(0, 8)}`, operator: 'Baotou Steel Rare-Earth', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150000201107', depositType: 'bastnaesite' },
    OFFICER,
  );
  await post(`/mines/${mineId}/quotas`, { year: 2025, category: 'light', quotaKgReo: 50_000 }, OFFICER);
  const licenceId = await post(
    '/licences',
    {
      consignee: PARTY,
      endUser: PARTY,
      destinationCountry: 'DE',
      items: [{ product: 'Praseodymium-neodymium oxide ≥ 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 20_000 }],
      intendedEndUse: 'Sintered NdFeB magnets for wind-turbine generators',
    },
    'exporter',
  );
  await post(`/licences/${licenceId}/approve`, { validFrom: '2025-01-01', validUntil: '2099-12-31', conditions: [] }, OFFICER, 'officer-e2e-audit-approver');
  await post(`/licences/${licenceId}/issue`, {}, OFFICER, 'officer-e2e-audit-countersigner');
  const consignmentId = await post(
    '/consignments',
    { product: 'Praseodymium-neodymium oxide 99 %', productForm: 'separated-oxide', element: 'NdPr', hsCode: '2846.90', quantityKg: 12_000, destinationCountry: 'DE' },
    'exporter',
  );
  await post(`/consignments/${consignmentId}/mining-sources`, { mineId, extractionBatchRef: 'BO-2025-0117', kgReo: 14_000, extractedOn: '2025-01-15' }, 'exporter');
  await post(
    `/consignments/${consignmentId}/processing-steps`,
    {
      facility: { id: 'fac-baotou-sep-2', name: 'Baotou separation plant 2', region: 'Inner Mongolia' },
      process: 'separation',
      inputForm: 'mixed-carbonate',
      outputForm: 'separated-oxide',
      inputKgReo: 14_000,
      outputKgReo: 12_600,
      completedOn: '2025-02-05',
    },
    'exporter',
  );
  await post(`/consignments/${consignmentId}/licence`, { licenceId }, 'exporter');
  await post(`/licences/${licenceId}/suspend`, { reason: 'End user under investigation' }, OFFICER, suspendedBy, suspensionCorrelationId);
  return { consignmentId, licenceId, mineId, suspensionCorrelationId, suspendedBy };
}
