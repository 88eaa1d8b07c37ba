import { inputDepth } from '../../../src/limits/input-depth';

describe('inputDepth', () => {
  it('counts nesting of arrays and plain objects; scalars, Buffers and class instances are leaves', () => {
    expect(inputDepth('x', 10)).toBe(0);
    expect(inputDepth([], 10)).toBe(1);
    expect(inputDepth({ a: [1, [2]] }, 10)).toBe(3);
    expect(inputDepth([Buffer.alloc(4), new Date()], 10)).toBe(1);
  });

  it('stops one level past the limit, without recursion, however deep the value nests', () => {
    let deep: unknown = 'g';
    for (let i = 0; i < 200_000; i++) deep = i % 2 === 0 ? [deep] : { a: deep };
    expect(inputDepth(deep, 32)).toBe(33);
    expect(inputDepth({ wide: Array.from({ length: 1000 }, () => [1]) }, 32)).toBe(3);
  });
});
