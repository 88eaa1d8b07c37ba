/**
 * How deeply a request's variables nest (arrays and plain objects; `{ a: [1] }` is 2), walked with an explicit
 * stack so no input can overflow the call stack. Stops as soon as `limit` is passed and answers `limit + 1`: a
 * value nested 100,000 deep costs `limit` steps down one branch, not a walk of the whole value.
 */
export function inputDepth(value: unknown, limit: number): number {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let deepest = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    const children = childrenOf(current);
    if (children === null) continue;
    const here = depth + 1;
    if (here > limit) return limit + 1;
    if (here > deepest) deepest = here;
    for (const child of children) stack.push({ value: child, depth: here });
  }
  return deepest;
}

function childrenOf(value: unknown): readonly unknown[] | null {
  if (Array.isArray(value)) return value as unknown[];
  if (typeof value !== 'object' || value === null) return null;
  const prototype: unknown = Object.getPrototypeOf(value);
  // Plain objects only: an Upload's file (a Buffer of megabytes) is a leaf, not a structure to walk.
  return prototype === Object.prototype || prototype === null ? Object.values(value) : null;
}
