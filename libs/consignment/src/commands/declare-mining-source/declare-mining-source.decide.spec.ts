import { DomainRuleViolation } from '@ree/shared-kernel';
import { spec } from '@ree/testing';
import {
  asExporter,
  cancelled,
  CONSIGNMENT_ID,
  licensed,
  registered,
  source,
  sourced,
  untilEndUseChecked,
  untilShipmentDeclared,
  closed,
} from '../../testing/consignment-events';
import { MiningSourceDeclaration } from './declare-mining-source.command';
import { declareMiningSourceDecider } from './declare-mining-source.decide';
import { quotaCategoryFor } from '../../consignment/quota-category';

const declare = (declarationId = 'decl-1', context = asExporter()): MiningSourceDeclaration => ({
  consignmentId: CONSIGNMENT_ID,
  source: source(declarationId),
  context,
});

describe('declare a mining source', () => {
  it('records the source of a registered consignment', () => {
    spec(declareMiningSourceDecider).given([registered]).when(declare()).then([sourced()]);
  });

  it('blending: further sources, from other mines too, are added beside the first', () => {
    const other = { ...declare('decl-2'), source: { ...source('decl-2'), mineId: 'another-mine' } };
    spec(declareMiningSourceDecider)
      .given([registered, sourced()])
      .when(other)
      .then([{ type: 'MiningSourceDeclared', data: other.source }]);
  });

  it('a source may still be added once the licence is attached', () => {
    spec(declareMiningSourceDecider).given([registered, sourced(), licensed]).when(declare('decl-2')).then([sourced('decl-2')]);
  });

  it('the same declaration again (a retry) stays quiet', () => {
    spec(declareMiningSourceDecider).given([registered, sourced()]).when(declare()).thenNothing();
  });

  it("another organisation's consignment is not found", () => {
    spec(declareMiningSourceDecider).given([registered]).when(declare('decl-1', asExporter('org-competitor'))).thenNotFound();
  });

  it('a consignment never registered is not found', () => {
    spec(declareMiningSourceDecider).given([]).when(declare()).thenNotFound();
  });

  it('invalid-transition: once the shipment is declared, provenance is settled', () => {
    spec(declareMiningSourceDecider).given(untilShipmentDeclared).when(declare('decl-2')).thenRefused('invalid-transition');
  });

  it('invalid-transition: after cancel', () => {
    spec(declareMiningSourceDecider).given([registered, cancelled]).when(declare()).thenRefused('invalid-transition');
  });

  it('invalid-transition: after close', () => {
    spec(declareMiningSourceDecider).given([...untilEndUseChecked, closed]).when(declare('decl-2')).thenRefused('invalid-transition');
  });
});

describe('the quota category of a source', () => {
  it("follows the mine's deposit type when not given", () => {
    expect(quotaCategoryFor('bastnaesite', undefined)).toBe('light');
    expect(quotaCategoryFor('monazite', undefined)).toBe('light');
    expect(quotaCategoryFor('ionic-clay', undefined)).toBe('medium-heavy');
  });

  it('a category given is taken as given: the quota allocated to it decides', () => {
    expect(quotaCategoryFor('bastnaesite', 'medium-heavy')).toBe('medium-heavy');
    expect(quotaCategoryFor('other', 'light')).toBe('light');
  });

  it('quota-category-required: a mine of deposit type other needs the category named', () => {
    expect(() => quotaCategoryFor('other', undefined)).toThrow(DomainRuleViolation);
    expect(() => quotaCategoryFor('other', undefined)).toThrow(expect.objectContaining({ code: 'quota-category-required' }));
  });
});
