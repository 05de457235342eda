// Property: whatever IDs are asked (present or not, repeated, in any case, any count), the answer
// lists each found user once in the order first asked, and exactly the missing IDs in notFound.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSandboxes, startInProcessSandbox, type InProcessSandbox } from '../support/in-process-sandbox.js';

const USERS = 300;
let s: InProcessSandbox;
beforeAll(async () => {
  s = await startInProcessSandbox({ users: USERS });
});
afterAll(closeSandboxes);

/** Index i < USERS: the tenant's user i. Beyond: a well-formed GUID the sandbox never issued. */
function idAt(index: number): string {
  return index < USERS ? s.sb.userAt(0, 0, index).id : `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

describe('getUsersByIds (property)', () => {
  it('keeps order, de-duplicates case-insensitively and reports exactly the missing IDs', async () => {
    const client = s.client();
    const known = new Map(Array.from({ length: USERS }, (_, i) => [idAt(i), i]));
    const asked = fc.array(
      fc.record({ index: fc.integer({ min: 0, max: 420 }), upper: fc.boolean() }).map(({ index, upper }) => {
        const id = idAt(index);
        return upper ? id.toUpperCase() : id;
      }),
      { maxLength: 260 },
    );
    await fc.assert(
      fc.asyncProperty(asked, async (ids) => {
        const result = await client.getUsersByIds({ ...s.tenant, userIds: ids });
        const firstSeen: string[] = [];
        for (const id of ids) if (!firstSeen.some((seen) => seen.toLowerCase() === id.toLowerCase())) firstSeen.push(id);
        const present = firstSeen.filter((id) => known.has(id.toLowerCase()));
        expect(result.users.map((u) => u.id)).toEqual(present.map((id) => id.toLowerCase()));
        expect(result.notFound).toEqual(firstSeen.filter((id) => !present.includes(id)));
      }),
      { numRuns: 40 },
    );
  });
});
