import { isObjectType } from 'graphql';
import { createSchema } from '../../../src/resolvers/create-schema';

describe('schema descriptions', () => {
  it('MessagePricing gives the group pricing values, not the 1:1 ones', async () => {
    const pricing = (await createSchema()).getType('MessagePricing');
    if (!isObjectType(pricing)) throw new Error('MessagePricing is not an object type');
    const fields = pricing.getFields();
    for (const value of ['group_marketing', 'group_utility', 'group_service']) expect(fields.category?.description).toContain(value);
    expect(fields.type?.description).toContain('free_group_customer_service');
    expect(fields.type?.description).not.toMatch(/\bfree_customer_service\b/);
  });
});
