import type { Company } from './ownership.events';
import { companyKey, OwnershipEdge, walkToListedOwners, walkToOwnedCompanies } from './ownership-walk';

const company = (name: string, country = 'DE'): Company => ({ name, country });
let facts = 0;
const owns = (owner: string, sharePercent: number, owned: string): OwnershipEdge => ({
  factId: `f${++facts}`,
  owner: company(owner),
  owned: company(owned),
  sharePercent,
});

const LISTED = new Map([[companyKey(company('Listed Holding AG')), 'party-1'], [companyKey(company('Other Listed plc')), 'party-2']]);
const listedAs = (candidate: Company): string[] => {
  const party = LISTED.get(companyKey(candidate));
  return party ? [party] : [];
};
const walk = (start: string, edges: OwnershipEdge[]) => walkToListedOwners(company(start), edges, listedAs, (party) => party);
const chainsOf = (start: string, edges: OwnershipEdge[]) =>
  walk(start, edges).map(({ party, chain }) => [party, chain.map((link) => `${link.owner} -${link.sharePercent}-> ${link.owned}`)]);

describe('the ownership walk', () => {
  it('a chain of 1 link: a company owned 50 % by a listed party is reached', () => {
    expect(chainsOf('Consignee GmbH', [owns('Listed Holding AG', 50, 'Consignee GmbH')])).toEqual([
      ['party-1', ['Listed Holding AG -50-> Consignee GmbH']],
    ]);
  });

  it('a chain of 2 links, each ≥ 50 %, carries (shares are not multiplied: 60 % of 55 % still counts)', () => {
    const edges = [owns('Middle Co', 60, 'Consignee GmbH'), owns('Listed Holding AG', 55, 'Middle Co')];
    expect(chainsOf('Consignee GmbH', edges)).toEqual([['party-1', ['Middle Co -60-> Consignee GmbH', 'Listed Holding AG -55-> Middle Co']]]);
  });

  it('a chain of 3 links, with the fact ids as evidence', () => {
    const edges = [owns('A Co', 100, 'Consignee GmbH'), owns('B Co', 75, 'A Co'), owns('Listed Holding AG', 50.01, 'B Co')];
    const [reached] = walk('Consignee GmbH', edges);
    expect(reached.chain.map((link) => link.owner)).toEqual(['A Co', 'B Co', 'Listed Holding AG']);
    expect(reached.factIds).toEqual(edges.map((edge) => edge.factId));
  });

  it('a 49.9 % link breaks the chain', () => {
    expect(walk('Consignee GmbH', [owns('Middle Co', 60, 'Consignee GmbH'), owns('Listed Holding AG', 49.9, 'Middle Co')])).toEqual([]);
    expect(walk('Consignee GmbH', [owns('Listed Holding AG', 49.9, 'Consignee GmbH')])).toEqual([]);
  });

  it('a cycle ends: A owns B, B owns A, neither listed', () => {
    const edges = [owns('A Co', 60, 'Consignee GmbH'), owns('B Co', 60, 'A Co'), owns('A Co', 60, 'B Co'), owns('Consignee GmbH', 51, 'A Co')];
    expect(walk('Consignee GmbH', edges)).toEqual([]);
  });

  it('a cycle with a listed party on it is reached once', () => {
    const edges = [owns('A Co', 60, 'Consignee GmbH'), owns('B Co', 60, 'A Co'), owns('A Co', 60, 'B Co'), owns('Listed Holding AG', 70, 'B Co')];
    expect(chainsOf('Consignee GmbH', edges)).toEqual([['party-1', ['A Co -60-> Consignee GmbH', 'B Co -60-> A Co', 'Listed Holding AG -70-> B Co']]]);
  });

  it('a branch where only one path reaches a listed party', () => {
    const edges = [
      owns('Clean Parent Ltd', 50, 'Consignee GmbH'),
      owns('Clean Grandparent Ltd', 80, 'Clean Parent Ltd'),
      owns('Second Parent Ltd', 50, 'Consignee GmbH'),
      owns('Other Listed plc', 90, 'Second Parent Ltd'),
    ];
    expect(chainsOf('Consignee GmbH', edges)).toEqual([['party-2', ['Second Parent Ltd -50-> Consignee GmbH', 'Other Listed plc -90-> Second Parent Ltd']]]);
  });

  it('stops at a listed party: what owns it is not walked', () => {
    const edges = [owns('Listed Holding AG', 100, 'Consignee GmbH'), owns('Other Listed plc', 100, 'Listed Holding AG')];
    expect(chainsOf('Consignee GmbH', edges)).toEqual([['party-1', ['Listed Holding AG -100-> Consignee GmbH']]]);
  });

  it('matches links on the skeleton and the country: spelling, case and legal form do not count, the country does', () => {
    const edges: OwnershipEdge[] = [
      { factId: 'x', owner: company('LISTED HOLDING'), owned: company('Consignee GmbH'), sharePercent: 100 },
      { factId: 'y', owner: company('Other Listed plc', 'US'), owned: company('consignee'), sharePercent: 100 },
    ];
    expect(walk('Сonsignee GmbH', edges).map((reached) => reached.party)).toEqual(['party-1']);
  });

  it('the shortest chain wins when two paths reach the same party', () => {
    const edges = [owns('A Co', 60, 'Consignee GmbH'), owns('B Co', 60, 'A Co'), owns('Listed Holding AG', 60, 'B Co'), owns('Listed Holding AG', 51, 'Consignee GmbH')];
    expect(chainsOf('Consignee GmbH', edges)).toEqual([['party-1', ['Listed Holding AG -51-> Consignee GmbH']]]);
  });
});

describe('the walk downwards', () => {
  it('finds every company owned 50 % or more through a chain, with the chain from it up to the start, cycle-safe', () => {
    const edges = [owns('Listed Holding AG', 55, 'Middle Co'), owns('Middle Co', 60, 'Consignee GmbH'), owns('Consignee GmbH', 100, 'Middle Co'), owns('Middle Co', 49.9, 'Minority Co')];
    expect(walkToOwnedCompanies(company('Listed Holding AG'), edges).map(({ company: owned, chain }) => [owned.name, chain.map((link) => link.owned)])).toEqual([
      ['Middle Co', ['Middle Co']],
      ['Consignee GmbH', ['Consignee GmbH', 'Middle Co']],
    ]);
  });
});
