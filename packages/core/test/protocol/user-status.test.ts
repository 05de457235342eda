import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { statusLabels, USER_STATUS_LABELS, UserStatus, userStatusLabel } from '../../src/protocol/index.js';
import { normalizeStatus } from '../../src/protocol/users/user-status.js';

const spec = parse(readFileSync(new URL('../../../../spec/openapi.yaml', import.meta.url), 'utf8'));
const schema = spec.components.schemas.UserStatus;

describe('user status', () => {
  it('has exactly the names and labels of the spec', () => {
    expect(Object.keys(UserStatus)).toEqual(schema['x-enum-varnames']);
    expect(Object.values(UserStatus)).toEqual(schema.enum);
    expect(schema.enum.map((code: 0) => USER_STATUS_LABELS[code])).toEqual(schema['x-enum-descriptions']);
  });

  it('accepts an array or a bare integer (the documented inconsistency)', () => {
    expect(normalizeStatus([0, 1])).toEqual([0, 1]);
    expect(normalizeStatus(3)).toEqual([3]);
    expect(normalizeStatus(null)).toEqual([]);
    expect(normalizeStatus(undefined)).toEqual([]);
    expect(normalizeStatus(['1', 2.5, -1, 4])).toEqual([4]);
  });

  it('labels codes, and a code added later without crashing', () => {
    expect(statusLabels([0, 1])).toEqual(['MFA disabled', 'Sign-in blocked']);
    expect(statusLabels(8)).toEqual(['Test user']);
    expect(userStatusLabel(9)).toBe('Unknown status (9)');
  });
});
