import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { bodySchemaOf, deeplyNested, junk, nearlyValid, operationOf, pollutingObject, unicodeEdgeString } from '../../support/openapi-arbitraries';
import { pathWith } from '../../support/routes';
import { BODIES_PER_ROUTE, BODY_LIMIT_BYTES, breaksLimits, postRoutes, useBadInputSuite, withDuplicateKey } from '../../support/bad-input';

/** The bad-input case's bodies (test/support/bad-input.ts describes the case): every POST route. */
describe('bad input: bodies', () => {
  const suite = useBadInputSuite();
  const { ids, bearer, pathOf, conventionHeaders, expectWellFormed } = suite;

  describe.each(postRoutes)('$key', (route) => {
    it(`answers any body with no 5xx, problem+json for every 4xx, 400 or 415 for what the limits refuse (${BODIES_PER_ROUTE} cases)`, async () => {
      const schema = bodySchemaOf(operationOf(suite.document, route.method, route.path));
      const valid = schema ? nearlyValid(schema, suite.document, Object.values(ids)) : junk;
      const json = fc.oneof(
        { weight: 4, arbitrary: valid },
        { weight: 2, arbitrary: junk },
        { weight: 1, arbitrary: pollutingObject },
        { weight: 1, arbitrary: fc.tuple(valid, fc.string({ minLength: 1, maxLength: 10 }), fc.oneof(deeplyNested, unicodeEdgeString)).map(([value, key, edge]) => ({ ...(value as object), [key]: edge })) },
      );
      type Body = { type: string; text: string; refused?: 400 | 415 };
      const body: fc.Arbitrary<Body> = fc.oneof(
        { weight: 6, arbitrary: json.map((value): Body => ({ type: 'application/json', text: JSON.stringify(value) ?? '', ...(breaksLimits(value) && { refused: 400 }) })) },
        { weight: 1, arbitrary: valid.map((value): Body | undefined => {
            const text = withDuplicateKey(value);
            return text === undefined ? undefined : { type: 'application/json', text, refused: 400 };
          }).filter((value): value is Body => value !== undefined) },
        { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((text): Body => ({ type: 'application/json', text })) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-json'), fc.string({ minLength: 1, maxLength: 200 }))
            .map(([type, text]): Body => ({ type, text, refused: 415 })),
        },
      );
      await fc.assert(
        fc.asyncProperty(pathOf(route.path), body, conventionHeaders, async (path, { type, text, refused }, headers) => {
          const response = await suite.app.http().post(path).set(headers).set('Authorization', bearer(route.access)).set('Content-Type', type).send(text);
          expectWellFormed(response, route);
          // A body over the size limit is refused for its size first (413), whatever else is wrong with it.
          const expected = Buffer.byteLength(text) > BODY_LIMIT_BYTES ? 413 : refused;
          if (expected) expect({ type, text: text.slice(0, 300), status: response.status }).toEqual({ type, text: text.slice(0, 300), status: expected });
        }),
        { numRuns: BODIES_PER_ROUTE },
      );
    });

    it('refuses deep nesting, refused characters and duplicate keys with 400 naming the field, and any body but JSON with 415', async () => {
      const path = pathWith(route.path, (name) => ids[name] ?? randomUUID());
      const post = (type: string, text: string) => suite.app.http().post(path).set('Authorization', bearer(route.access)).set('Content-Type', type).send(text);
      const cases: Array<[string, number, string, string?]> = [
        [`{"notes":${'['.repeat(3_000)}${']'.repeat(3_000)}}`, 400, 'json-too-deep'],
        [`{"a":${'{"a":'.repeat(2_500)}1${'}'.repeat(2_500)}}`, 400, 'json-too-deep'],
        ['{"name":"Kestrel\\u0000 GmbH"}', 400, 'validation-failed', 'name'],
        ['{"party":{"name":"Kes\\ud800trel"}}', 400, 'validation-failed', 'party.name'],
        ['{"items":[{"product":"\\u001b[31mred"}]}', 400, 'validation-failed', 'items[0].product'],
        ['{"reason":"\\u0085"}', 400, 'validation-failed', 'reason'],
        ['{"quantityKg":1,"quantityKg":2}', 400, 'validation-failed', 'quantityKg'],
      ];
      for (const [text, status, code, field] of cases) {
        const response = await post('application/json', text);
        expectWellFormed(response, route);
        expect({ text: text.slice(0, 60), status: response.status, code: response.body.code, fields: response.body.errors?.map((error: { field: string }) => error.field) }).toEqual({
          text: text.slice(0, 60),
          status,
          code,
          fields: field ? [field] : undefined,
        });
      }
      for (const [type, text] of [['text/plain', '{"name":"x"}'], ['application/x-www-form-urlencoded', 'name=x'], ['application/xml', '<name>x</name>']]) {
        const response = await post(type, text);
        expectWellFormed(response, route);
        expect({ type, status: response.status, code: response.body.code }).toEqual({ type, status: 415, code: 'unsupported-media-type' });
      }
    });

    it('refuses __proto__, constructor and prototype keys with 400 and leaves Object.prototype alone', async () => {
      for (const text of [
        '{"__proto__":{"polluted":"yes"}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        '{"items":[{"__proto__":{"polluted":"yes"}}],"consignee":{"prototype":{"polluted":"yes"}}}',
      ]) {
        const response = await suite.app.http().post(pathWith(route.path, (name) => ids[name] ?? randomUUID())).set('Authorization', bearer(route.access)).set('Content-Type', 'application/json').send(text);
        expectWellFormed(response, route);
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'validation-failed' });
      }
    });

    it('answers a body over 1 MB with 413', async () => {
      const text = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 1) });
      const response = await suite.app.http().post(pathWith(route.path, (name) => ids[name] ?? randomUUID())).set('Authorization', bearer(route.access)).set('Content-Type', 'application/json').send(text);
      expectWellFormed(response, route);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 413, code: 'payload-too-large' });
    });
  });
});
