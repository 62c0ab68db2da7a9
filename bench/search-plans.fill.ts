/**
 * The rows of `bench/search-plans.ts`, made by PostgreSQL itself (one INSERT … SELECT each):
 * - registered over five years (2021-2025), in order with a little jitter, so the newest are few
 *   minutes apart as in production;
 * - 300 organisations, a few large and many small (skewed: org-000 has about 6 %, org-042 about 0.4 %);
 * - the status follows the age: the newest consignments are early in their life, the old ones
 *   spread over every status; 5 % cancelled;
 * - 30 destination countries and 14 elements, skewed; released consignments carry `released_on`
 *   (20 to 60 days after registration) and their shipped grams;
 * - about 5 % carry open red flags (one, sometimes two codes, weighted as reviewers meet them), and
 *   about 4 % more a flag that was cleared.
 * The document and fold columns hold a small object: in production they are larger than 2 kB and
 * stored out of line (TOAST), so the table's own pages look much the same.
 */
export const FILL_CONSIGNMENTS = `
  WITH g AS (
    SELECT i, i::float8 / $1 AS age, random() AS r_status, random() AS r_cancel, random() AS r_org, random() AS r_country,
           random() AS r_element, random() AS r_flag, random() AS r_code, random() AS r_second, random() AS r_qty,
           random() AS r_jitter, random() AS r_release, random() AS r_update
      FROM generate_series(1, $1) AS i
  ), c AS (
    SELECT g.*,
           md5(i::text || '-consignment')::uuid::text AS consignment_id,
           timestamptz '2021-01-01 00:00:00+00' + (age * interval '1826 days') + (r_jitter * interval '90 seconds') AS registered_at,
           CASE WHEN r_cancel < 0.05 THEN 'cancelled'
                ELSE (ARRAY['registered','sourced','processed','licensed','end-use-declared','shipment-declared','inspected',
                            'released','departed','arrived','end-use-checked','closed'])
                     [1 + least(11, floor(r_status * 12 * least(1.0, (1 - age) * 40 + 0.05)))::int]
           END AS status,
           'org-' || lpad(floor(300 * r_org ^ 2)::int::text, 3, '0') AS exporter_org,
           (ARRAY['DE','JP','US','KR','NL','FR','IT','GB','IN','VN','TH','MY','CA','AU','BR','MX','ES','PL','CZ','AT',
                  'SE','FI','BE','CH','TR','ID','PH','SG','AE','ZA'])[1 + floor(30 * r_country ^ 2)::int] AS destination_country,
           (ARRAY['Nd','NdPr','Pr','Dy','La','Ce','Tb','mixed','Sm','Y','Gd','Er','Eu','Lu'])[1 + floor(14 * r_element ^ 2)::int] AS element,
           CASE WHEN r_flag < 0.05 THEN
             (ARRAY['LOW_YIELD','LOW_YIELD','LOW_YIELD','SOURCE_SHORTFALL','SOURCE_SHORTFALL','WEIGHT_DISCREPANCY','WEIGHT_DISCREPANCY',
                    'END_USE_CHECK_OVERDUE','END_USE_CHECK_OVERDUE','ARRIVAL_NOT_CONFIRMED','ARRIVAL_NOT_CONFIRMED',
                    'LICENCE_SUSPENDED_IN_TRANSIT','END_USE_VIOLATION','RESTRICTED_PARTY_MATCH'])[1 + floor(14 * r_code)::int]
           END AS first_flag,
           CASE WHEN r_flag < 0.05 AND r_second < 0.15 THEN 'SOURCE_SHORTFALL' END AS second_flag,
           (1000 + floor(r_qty * 24000))::bigint * 1000 AS quantity_grams
      FROM g
  ), f AS (
    SELECT c.*,
           CASE WHEN first_flag IS NULL THEN '{}'::text[]
                WHEN second_flag IS NULL OR second_flag = first_flag THEN ARRAY[first_flag]
                ELSE ARRAY[first_flag, second_flag] END AS open_flags,
           status IN ('released','departed','arrived','end-use-checked','closed') AS released
      FROM c
  )
  INSERT INTO review.consignments (consignment_id, exporter_org, status, product, element, hs_code, destination_country,
    quantity_grams, licence_id, registered_at, updated_at, released_on, shipped_grams, open_flags, open_severities,
    last_position, document, fold)
  SELECT consignment_id, exporter_org, status, element || ' oxide 99.5 %', element,
         (ARRAY['2846.90','2846.90','2846.90','2805.30','8505.11','2846.10','7202.99'])[1 + (i % 7)::int],
         destination_country, quantity_grams,
         CASE WHEN status NOT IN ('registered','sourced','processed','cancelled') THEN md5(exporter_org || (i / 20)::text)::uuid::text END,
         registered_at, registered_at + r_update * interval '200 days',
         CASE WHEN released THEN (registered_at + interval '20 days' + r_release * interval '40 days')::date END,
         CASE WHEN released THEN quantity_grams ELSE 0 END,
         open_flags,
         ARRAY(SELECT DISTINCT CASE WHEN code IN ('END_USE_VIOLATION','RESTRICTED_PARTY_MATCH') THEN 'critical'
                                    WHEN code IN ('LOW_YIELD','ARRIVAL_NOT_CONFIRMED','END_USE_CHECK_OVERDUE') THEN 'medium'
                                    ELSE 'high' END
                 FROM unnest(open_flags) AS code),
         i, jsonb_build_object('consignmentId', consignment_id), '{}'::jsonb
    FROM f`;

/** One row per open flag of each consignment, then a cleared LOW_YIELD on about 4 % of them. */
export const FILL_FLAGS = `
  INSERT INTO review.flags (consignment_id, seq, flag_key, code, severity, detail, exporter_org, raised_at, raised_position, cleared_at)
  SELECT consignment_id, (ord - 1)::int, code, code,
         CASE WHEN code IN ('END_USE_VIOLATION','RESTRICTED_PARTY_MATCH') THEN 'critical'
              WHEN code IN ('LOW_YIELD','ARRIVAL_NOT_CONFIRMED','END_USE_CHECK_OVERDUE') THEN 'medium'
              ELSE 'high' END,
         code || ' raised by the bench', exporter_org, registered_at + ord * interval '3 days', last_position, NULL
    FROM review.consignments, unnest(open_flags) WITH ORDINALITY AS f(code, ord)
   WHERE cardinality(open_flags) > 0;
  INSERT INTO review.flags (consignment_id, seq, flag_key, code, severity, detail, exporter_org, raised_at, raised_position, cleared_at)
  SELECT consignment_id, 9, 'LOW_YIELD:bench', 'LOW_YIELD', 'medium', 'LOW_YIELD cleared by a correction', exporter_org,
         registered_at + interval '2 days', last_position, registered_at + interval '9 days'
    FROM review.consignments
   WHERE last_position % 25 = 0`;
