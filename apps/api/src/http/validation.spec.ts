import { ValidationError } from 'class-validator';
import { findForbiddenKey } from './forbidden-keys';
import { fieldErrorsOf } from './validation';

const failure = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError =>
  Object.assign(new ValidationError(), { property, constraints, children });

describe('fieldErrorsOf', () => {
  it('names nested fields by dotted path and array items by index', () => {
    const errors = [
      failure('product', { minLength: 'product must be at least 3 characters' }),
      failure('consignee', undefined, [failure('country', { isIn: 'country must be an ISO code' })]),
      failure('items', undefined, [failure('0', undefined, [failure('kg', { min: 'kg must not be less than 0', isNumber: 'kg must be a number' })])]),
    ];
    expect(fieldErrorsOf(errors)).toEqual([
      { field: 'product', message: 'product must be at least 3 characters' },
      { field: 'consignee.country', message: 'country must be an ISO code' },
      { field: 'items[0].kg', message: 'kg must not be less than 0' },
      { field: 'items[0].kg', message: 'kg must be a number' },
    ]);
  });
});

describe('findForbiddenKey', () => {
  it('finds __proto__, constructor and prototype at any depth', () => {
    expect(findForbiddenKey(JSON.parse('{"__proto__": {"admin": true}}'))).toBe('__proto__');
    expect(findForbiddenKey({ consignee: { constructor: { prototype: {} } } })).toBe('consignee.constructor');
    expect(findForbiddenKey({ items: [{ kg: 1 }, JSON.parse('{"a": {"prototype": 1}}')] })).toBe('items[1].a.prototype');
  });

  it('lets ordinary bodies and values through', () => {
    expect(findForbiddenKey({ product: 'constructor', items: [{ name: '__proto__' }] })).toBeUndefined();
    expect(findForbiddenKey(null)).toBeUndefined();
    expect(findForbiddenKey('text')).toBeUndefined();
  });
});
