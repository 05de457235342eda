// A user as a Zap step hands it on: every field core gives, plus status labels next to the codes
// (labels come from core), described for the Zap editor by outputFields.
import { withStatusLabels, type LabelledUser } from '@avepoint-graph-kit/core/protocol';

/** Labels and types for the editor, in the order people scan them. */
export const USER_OUTPUT_FIELDS = [
  { key: 'id', label: 'User ID', type: 'string', primary: true },
  { key: 'displayName', label: 'Display Name', type: 'string' },
  { key: 'userPrincipalName', label: 'User Principal Name', type: 'string' },
  { key: 'mail', label: 'Email', type: 'string' },
  { key: 'firstName', label: 'First Name', type: 'string' },
  { key: 'lastName', label: 'Last Name', type: 'string' },
  { key: 'jobTitle', label: 'Job Title', type: 'string' },
  { key: 'department', label: 'Department', type: 'string' },
  { key: 'company', label: 'Company', type: 'string' },
  { key: 'employeeId', label: 'Employee ID', type: 'string' },
  { key: 'location', label: 'Office Location', type: 'string' },
  { key: 'countryOrRegion', label: 'Country or Region', type: 'string' },
  { key: 'mobile', label: 'Mobile', type: 'string' },
  { key: 'isTestUser', label: 'Is Test User', type: 'boolean' },
  { key: 'age', label: 'Password Age (days)', type: 'integer' },
  { key: 'startDate', label: 'Sign-in Start Date (1970-01-01 means not set)', type: 'datetime' },
  { key: 'endDate', label: 'Sign-in End Date (1970-01-01 means not set)', type: 'datetime' },
  { key: 'status[]', label: 'Status Codes', type: 'integer' },
  { key: 'statusLabels[]', label: 'Status', type: 'string' },
] as const;

/** A real-looking user (invented IDs and names), shown before a Zap has run. */
export const SAMPLE_USER: LabelledUser = withStatusLabels({
  id: 'c2aa00d3-5b1e-4c7a-9f4e-9e9c79232bff',
  displayName: 'Kevin Mark',
  userPrincipalName: 'kevin.mark@contoso.onmicrosoft.com',
  mail: 'kevin.mark@contoso.com',
  firstName: 'Kevin',
  lastName: 'Mark',
  jobTitle: 'Software Developer',
  department: 'Development',
  company: 'Contoso Ltd.',
  employeeId: '643477',
  location: 'Building 2, Floor 3',
  countryOrRegion: 'Slovenia',
  mobile: '+386 40 123 456',
  isTestUser: false,
  age: 12,
  startDate: '1970-01-01T00:00:00Z',
  endDate: '1970-01-01T00:00:00Z',
  status: [0, 1],
});
