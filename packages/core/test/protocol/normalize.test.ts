import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AvePointApiError, normalizeUsersPage, simplifyUser, withStatusLabels } from '../../src/protocol/index.js';

const documentedSample = {
  data: [
    {
      id: 'c2aa00d3-5b1e-4b7a-9d3c-9e9c79232bff',
      userPrincipalName: 'tony@element.onmicrosoft.com',
      displayName: 'Kevin Mark',
      firstName: 'Kevin',
      lastName: 'Mark',
      department: 'DEV',
      mobile: '11122',
      jobTitle: 'Software developer',
      mail: 'tony@element.onmicrosoft.com',
      location: 'location',
      employeeId: '643477',
      status: [0, 1],
      isTestUser: false,
      age: 12,
      startDate: '1970-01-01T00:00:00Z',
      endDate: '1970-01-01T00:00:00Z',
      company: 'Organization ABC',
      countryOrRegion: 'Slovenia',
    },
  ],
  metadata: { pageIndex: 1, pageSize: 50, totalCount: 1 },
};

describe('normalizeUsersPage', () => {
  it('reads the documented sample', () => {
    const page = normalizeUsersPage(documentedSample);
    expect(page).toMatchObject({ pageIndex: 1, pageSize: 50, totalCount: 1 });
    expect(page.users[0]).toEqual(documentedSample.data[0]);
    expect(simplifyUser(page.users[0]!).statusLabels).toEqual(['MFA disabled', 'Sign-in blocked']);
  });

  it("labels a user's status codes next to every field it has", () => {
    const user = normalizeUsersPage(documentedSample).users[0]!;
    expect(withStatusLabels(user)).toEqual({ ...documentedSample.data[0], statusLabels: ['MFA disabled', 'Sign-in blocked'] });
  });

  it('turns a bare integer status into an array, and tolerates missing fields', () => {
    const page = normalizeUsersPage({
      data: [{ id: 'x', status: 6 }, { id: 'y' }],
      metadata: { pageIndex: 2, pageSize: 2, totalCount: 4 },
    });
    expect(page.users.map((u) => u.status)).toEqual([[6], []]);
    expect(simplifyUser(page.users[1]!)).toMatchObject({ displayName: null, mail: null, statusLabels: [] });
  });

  it('never throws anything but AvePointApiError for arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        try {
          normalizeUsersPage(body, { status: 200, requestId: 'r1' });
        } catch (error) {
          expect(error).toBeInstanceOf(AvePointApiError);
          expect((error as AvePointApiError).code).toBe('INVALID_RESPONSE');
          expect((error as AvePointApiError).requestId).toBe('r1');
        }
      }),
    );
  });

  it('keeps every user of any well-formed page, with status always an array', () => {
    const user = fc.record({ id: fc.uuid(), status: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.array(fc.integer({ min: 0, max: 8 }))) });
    fc.assert(
      fc.property(fc.array(user, { maxLength: 100 }), (data) => {
        const page = normalizeUsersPage({ data, metadata: { pageIndex: 1, pageSize: 100, totalCount: data.length } });
        expect(page.users.map((u) => u.id)).toEqual(data.map((u) => u.id));
        expect(page.users.every((u) => Array.isArray(u.status))).toBe(true);
      }),
    );
  });

  it('reads "data": null as an empty page', () => {
    expect(normalizeUsersPage({ data: null, metadata: { pageIndex: 1, pageSize: 100, totalCount: 0 } }).users).toEqual([]);
  });

  it.each([
    ['<html>gateway</html>', 'not a JSON object'],
    [{ data: {} }, '"data" is not an array'],
    [{ data: [] }, '"metadata" is missing'],
    [{ data: [{}], metadata: { pageIndex: 1, pageSize: 1, totalCount: 1 } }, 'data[0].id is missing'],
  ])('explains what is wrong with %j', (body, why) => {
    expect(() => normalizeUsersPage(body)).toThrow(why);
  });
});
