import { createTurnBudget } from '../../../src/lib/turn-budget';

describe('createTurnBudget', () => {
  it('lets work carry on within a turn, then makes it wait for a later turn in which timers and I/O ran', async () => {
    let time = 0;
    const budget = createTurnBudget({ sliceMs: 10, now: () => time });
    expect(budget.yieldIfSpent()).toBeNull(); // starts the turn
    time = 9;
    expect(budget.yieldIfSpent()).toBeNull();
    time = 10;
    const spent = budget.yieldIfSpent();
    expect(spent).toBeInstanceOf(Promise);
    expect(budget.yieldIfSpent()).toBe(spent); // everyone in the spent turn waits for the same next turn

    const order: string[] = [];
    const timer = new Promise<void>((resolve) => setTimeout(() => (order.push('timer'), resolve()), 0));
    await timer; // a timer due now runs before the check phase the budget resumes in
    await spent!.then(() => order.push('resumed'));
    expect(order).toEqual(['timer', 'resumed']);

    // The resumed work starts a fresh turn with a full budget.
    time = 11;
    expect(budget.yieldIfSpent()).toBeNull();
    time = 20;
    expect(budget.yieldIfSpent()).toBeNull();
    time = 21;
    expect(budget.yieldIfSpent()).toBeInstanceOf(Promise);
  });

  it('does not hold up work that never runs long', async () => {
    let time = 0;
    const budget = createTurnBudget({ sliceMs: 10, now: () => time });
    for (let turn = 0; turn < 5; turn++) {
      for (let call = 0; call < 100; call++) expect(budget.yieldIfSpent()).toBeNull();
      time += 3;
      await new Promise((resolve) => setImmediate(resolve));
    }
  });

  it('explains a budget that is not a positive number', () => {
    expect(() => createTurnBudget({ sliceMs: 0 })).toThrow('createTurnBudget expects sliceMs to be a number > 0, got 0');
  });
});
