import { expect, it, vi } from 'vitest';
import { goldLetters } from '../../test-support/gold-letters.fixture';
import { describeEachBackend } from '../../test-support/test-store';
import { openStore, writeTransaction } from '../client';
import { saveLetters } from './letter.repository';
import { readStoreVersion } from './store-version.repository';

describeEachBackend('readStoreVersion', (backend) => {
  it('changes when another process commits letters, and only then', async () => {
    const target = await backend.freshTarget();
    const reader = await openStore(target, { readonly: true });
    const writer = await openStore(target);
    const before = await readStoreVersion(reader.db, reader.dialect);
    expect(await readStoreVersion(reader.db, reader.dialect)).toBe(before);
    await writeTransaction(writer, (tx) => saveLetters(tx, goldLetters().slice(0, 1)));
    // PostgreSQL's commit reaches a reader as a notification, a moment after the commit returns.
    const after = await vi.waitFor(
      async () => {
        const version = await readStoreVersion(reader.db, reader.dialect);
        expect(version).not.toBe(before);
        return version;
      },
      { timeout: 5_000, interval: 20 },
    );
    expect(await readStoreVersion(reader.db, reader.dialect)).toBe(after);
    await writer.close();
    await reader.close();
  });
});
