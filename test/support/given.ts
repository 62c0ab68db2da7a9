import type { Role } from '@ree/platform/auth';
import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/**
 * The end-to-end "given" set-up: the records a scenario starts from, made through the API as its users
 * make them, each call's answer checked. A spec states only what differs from these defaults.
 */
export interface Given {
  /** A mine registered by a licensing officer with one quota (2025, light REE unless told). */
  mineWithQuota(quotaKgReo: number, options?: { depositType?: string; category?: string; year?: number }): Promise<string>;
  /** A licence applied for by `exporter`, approved by `approver` on `terms` and countersigned (issued) by `countersigner`. */
  issuedLicence(application: object, options: IssueOptions): Promise<string>;
}

export interface IssueOptions {
  readonly exporter: { readonly org?: string; readonly sub?: string };
  readonly approver: string;
  readonly countersigner: string;
  /** The approval's body: validity, conditions and, if told, the issued quantity of each item. */
  readonly terms?: object;
  /** Stop after the approval: a licence approved but not yet countersigned. */
  readonly issue?: boolean;
}

export const OFFICER: Role = 'licensing-officer';
export const LICENCE_TERMS = { validFrom: '2025-01-01', validUntil: '2099-12-31', conditions: [] };

export function given(app: () => TestApp): Given {
  const post = (path: string, body: object, role: Role, org?: string, sub?: string) =>
    app().http().post(`/api/v1${path}`).set('Authorization', `Bearer ${app().token(role, org, sub)}`).send(body);
  return {
    async mineWithQuota(quotaKgReo, { depositType = 'bastnaesite', category = 'light', year = 2025 } = {}) {
      const mine = await post(
        '/mines',
        { name: `Bayan Obo ${randomUUID().slice(0, 8)}`, operator: 'Baotou Steel Rare-Earth', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150000201107', depositType },
        OFFICER,
      );
      expect(mine.status).toBe(201);
      const quota = await post(`/mines/${mine.body.id}/quotas`, { year, category, quotaKgReo }, OFFICER);
      expect(quota.status).toBe(200);
      return mine.body.id;
    },
    async issuedLicence(application, { exporter, approver, countersigner, terms = LICENCE_TERMS, issue = true }) {
      const applied = await post('/licences', application, 'exporter', exporter.org, exporter.sub);
      expect(applied.status).toBe(201);
      const id: string = applied.body.id;
      expect((await post(`/licences/${id}/approve`, terms, OFFICER, undefined, approver)).status).toBe(200);
      if (issue) expect((await post(`/licences/${id}/issue`, {}, OFFICER, undefined, countersigner)).status).toBe(200);
      return id;
    },
  };
}
