import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test-support/test-store';
import { listGuidelines } from './guideline.repository';

describeEachBackend('listGuidelines nameContains', (backend) => {
  it('matches % and _ literally, not as LIKE wildcards', async () => {
    const store = await backend.open();
    await store.db
      .insertInto('guidelines')
      .values([
        { source: 'OTHER', name: '100% Guide', topic: '' },
        { source: 'OTHER', name: 'pain_guide', topic: '' },
        { source: 'OTHER', name: 'painXguide', topic: '' },
        { source: 'OTHER', name: 'back\\slash', topic: '' },
      ])
      .execute();
    const names = async (nameContains: string) =>
      (await listGuidelines(store, { first: 10, after: null, filter: { nameContains } })).rows
        .map((row) => row.name)
        .sort();
    expect(await names('0%')).toEqual(['100% Guide']);
    expect(await names('n_g')).toEqual(['pain_guide']);
    expect(await names('%')).toEqual(['100% Guide']);
    expect(await names('k\\s')).toEqual(['back\\slash']);
    expect(await names('GUIDE')).toEqual(['100% Guide', 'painXguide', 'pain_guide']);
    await store.close();
  });
});
