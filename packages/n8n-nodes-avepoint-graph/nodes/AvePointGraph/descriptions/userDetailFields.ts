// The fields of one user in full (the one-user endpoint), as Get's Selected Fields offers them.
// Typed against core's UserDetail: a field the spec drops or renames breaks the build here.
import type { UserDetail } from '../core/protocol';

export const USER_DETAIL_FIELD_LABELS = {
	id: 'ID',
	displayName: 'Display Name',
	firstName: 'First Name',
	lastName: 'Last Name',
	loginName: 'Login Name',
	mail: 'Email',
	alternateEmailAddress: 'Alternate Email Addresses',
	jobTitle: 'Job Title',
	department: 'Department',
	company: 'Company',
	employeeId: 'Employee ID',
	manager: 'Manager',
	location: 'Office Location',
	officePhone: 'Office Phone',
	mobile: 'Mobile',
	fax: 'Fax',
	address: 'Street Address',
	city: 'City',
	state: 'State or Province',
	postalCode: 'Postal Code',
	countryRegion: 'Country or Region',
	usageLocation: 'Usage Location',
	preferredLanguage: 'Preferred Language',
	birthday: 'Birthday',
	age: 'Age (Years)',
	isTestUser: 'Is Test User',
	isExternal: 'Is External',
	sponsor: 'Sponsor',
	template: 'Template',
	passwordNeverExpire: 'Password Never Expires',
	lastChangeDate: 'Last Change Date',
	enforceStart: 'Enforce Sign-In Start',
	enforceStartDateTime: 'Sign-In Start Date',
	enforceEnd: 'Enforce Sign-In End',
	enforceEndDateTime: 'Sign-In End Date',
	status: 'Status (Codes and Labels)',
} as const satisfies Record<keyof UserDetail, string>;

export type UserDetailFieldName = keyof typeof USER_DETAIL_FIELD_LABELS;

export const USER_DETAIL_FIELD_NAMES = Object.keys(
	USER_DETAIL_FIELD_LABELS,
) as UserDetailFieldName[];

/** What Simplified keeps of a user in full: who the user is, where they work, and the status. */
export const SIMPLIFIED_DETAIL_FIELDS: readonly UserDetailFieldName[] = [
	'id',
	'displayName',
	'loginName',
	'mail',
	'jobTitle',
	'department',
	'manager',
	'status',
];
