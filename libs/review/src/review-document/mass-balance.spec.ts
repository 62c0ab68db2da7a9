import fc from 'fast-check';
import { reviewDocument } from './review-document.fold';
import { History, registered, source, step } from '../testing/review-history';

const grams = fc.integer({ min: 1, max: 25_000_000 });

describe('review document: the mass balance is exact to the gram', () => {
  it('sums any mining sources to the gram, however many decimals their kilograms carry', () => {
    fc.assert(
      fc.property(fc.array(grams, { minLength: 1, maxLength: 12 }), (amounts) => {
        const history = new History().consignment('ConsignmentRegistered', registered(1000));
        amounts.forEach((amount, index) => history.consignment('MiningSourceDeclared', source(`d-${index}`, amount / 1000)));
        const total = amounts.reduce((sum, amount) => sum + amount, 0);

        const { massBalance } = reviewDocument(history.events);
        expect(massBalance.sourcedKgReo).toBe(total / 1000);
        expect(massBalance.finalKgReo).toBe(total / 1000);
      }),
    );
  });

  it('gives the overall yield as the last step\'s output over what was sourced, to four decimals', () => {
    fc.assert(
      fc.property(grams, grams, (sourcedGrams, outputGrams) => {
        const history = new History()
          .consignment('ConsignmentRegistered', registered(1000))
          .consignment('MiningSourceDeclared', source('d-1', sourcedGrams / 1000))
          .consignment('ProcessingStepRecorded', step('s-1', 'separation', sourcedGrams / 1000, outputGrams / 1000));

        const { massBalance, processingSteps } = reviewDocument(history.events);
        expect(massBalance.overallYield).toBe(Math.round((outputGrams / sourcedGrams) * 10_000) / 10_000);
        expect(processingSteps[0].yield).toBe(massBalance.overallYield);
      }),
    );
  });
});
