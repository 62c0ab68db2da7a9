/**
 * The review's queries at a million consignments (`npm run bench:search-plans`): creates its own
 * database (`ree_bench_search`, on the server of `DATABASE_URL`), migrates it, fills
 * `review.consignments` with 1,000,000 rows and `review.flags` in proportion by SQL
 * (generate_series, a fixed seed), ANALYZEs, then runs the very SQL of the query handlers under
 * EXPLAIN (ANALYZE, BUFFERS) and prints, per query, the plan's nodes and the execution time. The
 * database is dropped at the end (kept with BENCH_KEEP_DATABASE=true, to try plans by hand). The figures are recorded in docs/review.md, "Search and
 * its indexes".
 */
import { encodeCursor } from '@ree/platform/http';
import { ExportStatisticsHandler, ExportStatisticsQuery, ListFlagsHandler, ListFlagsQuery, SearchConsignmentsHandler, ConsignmentFilter, SearchConsignmentsQuery, rangeEndOf, rangeStartOf } from '@ree/review/testing/queries';
import type { Actor } from '@ree/shared-kernel';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { dropDatabase, migrate, recreateDatabase } from '../infra/data-source';
import { FILL_CONSIGNMENTS, FILL_FLAGS } from './search-plans.fill';

const CONSIGNMENTS = 1_000_000;
/** Each query runs this often; the median execution time is reported (the first run warms the cache). */
const RUNS = 5;

const officer: Actor = { sub: 'bench-officer', role: 'licensing-officer' };

interface PlanNode {
  'Node Type': string;
  Strategy?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

interface Explained {
  Plan: PlanNode;
  'Execution Time': number;
}

const AGGREGATES: Readonly<Record<string, string>> = { Sorted: 'GroupAggregate', Hashed: 'HashAggregate', Mixed: 'MixedAggregate' };

/** "Limit > Index Scan (consignments_status)": each node, the index or table it reads in brackets. */
function nodesOf(node: PlanNode): string[] {
  const target = node['Index Name'] ?? node['Relation Name'];
  const type = node['Node Type'] === 'Aggregate' ? (AGGREGATES[node.Strategy ?? ''] ?? 'Aggregate') : node['Node Type'];
  return [`${type}${target ? ` (${target})` : ''}`, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/**
 * What the handlers see as TypeORM's DataSource: each query they send runs under EXPLAIN ANALYZE
 * instead, its plan kept, and answers no rows (so a handler builds an empty page).
 */
class ExplainingDataSource {
  last: Explained | null = null;

  constructor(private readonly client: Client) {}

  async query(sql: string, params: unknown[]): Promise<unknown[]> {
    const { rows } = await this.client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
    this.last = (rows[0]['QUERY PLAN'] as Explained[])[0];
    return [];
  }
}

interface Measured {
  readonly name: string;
  readonly plan: string;
  readonly medianMs: number;
  readonly buffers: number;
  readonly seqScanOfBigTable: boolean;
}

async function measure(name: string, explaining: ExplainingDataSource, run: () => Promise<unknown>): Promise<Measured> {
  const times: number[] = [];
  let explained: Explained | null = null;
  for (let i = 0; i < RUNS; i += 1) {
    await run();
    explained = explaining.last!;
    times.push(explained['Execution Time']);
  }
  const nodes = nodesOf(explained!.Plan);
  const sorted = times.sort((a, b) => a - b);
  return {
    name,
    plan: nodes.join(' > '),
    medianMs: sorted[Math.floor(sorted.length / 2)],
    buffers: (explained!.Plan['Shared Hit Blocks'] ?? 0) + (explained!.Plan['Shared Read Blocks'] ?? 0),
    seqScanOfBigTable: nodes.some((node) => /^Seq Scan \((consignments|flags)\)$/.test(node)),
  };
}

function benchUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ree');
  url.pathname = '/ree_bench_search';
  return url.toString();
}

async function fill(client: Client): Promise<void> {
  // The migration's indexes are dropped for the bulk load and built again from their own definitions.
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'review' AND tablename IN ('consignments', 'flags') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const { indexname } of indexes) await client.query(`DROP INDEX review.${indexname}`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query('SELECT setseed(0.42)');
  await client.query(FILL_CONSIGNMENTS, [CONSIGNMENTS]);
  await client.query(FILL_FLAGS);
  for (const { indexdef } of indexes) await client.query(indexdef);
  await client.query('VACUUM ANALYZE review.consignments');
  await client.query('VACUUM ANALYZE review.flags');
}

async function main(): Promise<void> {
  const url = benchUrl();
  const started = Date.now();
  await recreateDatabase(url);
  await migrate(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await fill(client);
    const counts = await client.query(
      `SELECT (SELECT count(*) FROM review.consignments) AS consignments, (SELECT count(*) FROM review.flags) AS flags,
              (SELECT count(*) FROM review.flags WHERE cleared_at IS NULL) AS open_flags,
              (SELECT count(*) FROM review.consignments WHERE cardinality(open_flags) > 0) AS flagged,
              (SELECT count(*) FROM review.consignments WHERE released_on IS NOT NULL) AS released`,
    );
    console.log(`filled in ${((Date.now() - started) / 1000).toFixed(0)} s:`, counts.rows[0]);
    console.log(`PostgreSQL ${(await client.query('SHOW server_version')).rows[0].server_version}, ${cpus().length} CPUs, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
    const results = await runQueries(client);
    printTable(results);
  } finally {
    await client.end();
    if (process.env.BENCH_KEEP_DATABASE !== 'true') await dropDatabase(url);
  }
}

async function runQueries(client: Client): Promise<Measured[]> {
  const explaining = new ExplainingDataSource(client);
  const dataSource = explaining as unknown as DataSource;
  const search = new SearchConsignmentsHandler(dataSource);
  const flags = new ListFlagsHandler(dataSource);
  const statistics = new ExportStatisticsHandler(dataSource);
  const find = (filter: ConsignmentFilter, viewer: Actor = officer, cursor?: string) => () =>
    search.execute(new SearchConsignmentsQuery(filter, viewer, 50, cursor));

  const { rows: [deep] } = await client.query(
    `SELECT to_char(registered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, consignment_id
       FROM review.consignments ORDER BY registered_at DESC, consignment_id DESC OFFSET 500000 LIMIT 1`,
  );
  const deepCursor = encodeCursor([deep.at, deep.consignment_id]);
  const { rows: [deepFlag] } = await client.query(
    `SELECT to_char(raised_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, consignment_id, seq
       FROM review.flags WHERE cleared_at IS NULL ORDER BY raised_at DESC, consignment_id DESC, seq DESC OFFSET 20000 LIMIT 1`,
  );
  const exporter: Actor = { sub: 'bench-exporter', role: 'exporter', org: 'org-042' };
  const march = { registeredFrom: rangeStartOf('2024-03-01'), registeredBefore: rangeEndOf('2024-03-31') };

  const plans: Array<[string, () => Promise<unknown>]> = [
    ['search: no filter (first page)', find({})],
    ['search: status=released', find({ status: 'released' })],
    ['search: status=registered (recent only)', find({ status: 'registered' })],
    ['search: flag=LOW_YIELD', find({ flag: 'LOW_YIELD' })],
    ['search: flag=RESTRICTED_PARTY_MATCH (rare)', find({ flag: 'RESTRICTED_PARTY_MATCH' })],
    ['search: severity=critical', find({ severity: 'critical' })],
    ['search: severity=medium', find({ severity: 'medium' })],
    ['search: exporterOrg=org-042', find({ exporterOrg: 'org-042' })],
    ['search: destinationCountry=ZA (rare)', find({ destinationCountry: 'ZA' })],
    ['search: destinationCountry=DE', find({ destinationCountry: 'DE' })],
    ['search: element=Tb', find({ element: 'Tb' })],
    ['search: from/to one month', find(march)],
    ['search: exporter org-042 + status=closed', find({ status: 'closed' }, exporter)],
    ['search: destinationCountry=JP + flag=LOW_YIELD', find({ destinationCountry: 'JP', flag: 'LOW_YIELD' })],
    ['search: element=Dy + one month', find({ element: 'Dy', ...march })],
    ['search: element=Lu + destinationCountry=ZA (rare and rare)', find({ element: 'Lu', destinationCountry: 'ZA' })],
    ['search: status=cancelled + severity=critical + destinationCountry=AE', find({ status: 'cancelled', severity: 'critical', destinationCountry: 'AE' })],
    ['search: exporter org-000 (largest) + flag=END_USE_VIOLATION', find({ flag: 'END_USE_VIOLATION' }, { ...exporter, org: 'org-000' })],
    ['search: cursor page at 500,000', find({}, officer, deepCursor)],
    ['search: flag=RESTRICTED_PARTY_MATCH, cursor at 500,000', find({ flag: 'RESTRICTED_PARTY_MATCH' }, officer, deepCursor)],
    ['search: status=closed, cursor at 500,000', find({ status: 'closed' }, officer, deepCursor)],
    ['flags: open (first page)', () => flags.execute(new ListFlagsQuery({ open: true }, officer, 50))],
    ['flags: open, code=WEIGHT_DISCREPANCY', () => flags.execute(new ListFlagsQuery({ open: true, code: 'WEIGHT_DISCREPANCY' }, officer, 50))],
    ['flags: open, severity=critical', () => flags.execute(new ListFlagsQuery({ open: true, severity: 'critical' }, officer, 50))],
    ['flags: cleared (open=false)', () => flags.execute(new ListFlagsQuery({ open: false }, officer, 50))],
    ['flags: open, exporter org-042', () => flags.execute(new ListFlagsQuery({ open: true }, exporter, 50))],
    ['flags: open, cursor at 20,000', () => flags.execute(new ListFlagsQuery({ open: true }, officer, 50, encodeCursor([deepFlag.at, deepFlag.consignment_id, deepFlag.seq])))],
  ];
  for (const groupBy of ['month', 'element', 'destinationCountry', 'hsCode'] as const) {
    plans.push([`statistics: ${groupBy}, one year`, () => statistics.execute(new ExportStatisticsQuery(groupBy, officer, '2024-01-01', '2024-12-31'))]);
  }
  plans.push(['statistics: month, every year', () => statistics.execute(new ExportStatisticsQuery('month', officer))]);
  plans.push(['statistics: month, one year, exporter org-042', () => statistics.execute(new ExportStatisticsQuery('month', exporter, '2024-01-01', '2024-12-31'))]);

  const results: Measured[] = [];
  for (const [name, run] of plans) results.push(await measure(name, explaining, run));
  return results;
}

function printTable(results: readonly Measured[]): void {
  console.log(`\n| query | plan | median ms (of ${RUNS}) | buffers |`);
  console.log('|---|---|---:|---:|');
  for (const result of results) {
    const warning = result.seqScanOfBigTable || result.medianMs > 50 ? ' ⚠' : '';
    console.log(`| ${result.name} | ${result.plan} | ${result.medianMs.toFixed(2)}${warning} | ${result.buffers} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
