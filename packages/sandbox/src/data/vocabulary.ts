// Word lists the seeded users are drawn from. Varied on purpose (accents, apostrophes, hyphens),
// because clients must survive real names.

export const FIRST_NAMES = [
  'Adele', 'Alex', 'Amara', 'Ana', 'Andrés', 'Anika', 'Arjun', 'Astrid', 'Ben', 'Bianca',
  'Carlos', 'Chen', 'Chloé', 'Daniel', 'Diego', 'Dmitri', 'Elif', 'Emma', 'Erik', 'Fatima',
  'Felix', 'Grace', 'Hana', 'Hiroshi', 'Ines', 'Isaac', 'Jana', 'Javier', 'Jin', 'Johanna',
  'José', 'Kai', 'Kateryna', 'Kevin', 'Lars', 'Leila', 'Liam', 'Lucía', 'Maja', 'Marco',
  'Maria', 'Mateo', 'Mei', 'Mohammed', 'Nadia', 'Niamh', 'Noah', 'Olga', 'Omar', 'Priya',
  'Rafael', 'Ravi', 'Sakura', 'Samuel', 'Sofia', 'Søren', 'Tariq', 'Tomás', 'Yara', 'Zoë',
] as const;

export const LAST_NAMES = [
  'Abe', 'Ahmed', 'Andersen', 'Bauer', 'Bianchi', 'Brown', 'Chen', 'Costa', 'Dubois', 'Dvořák',
  'Eriksson', 'Fernández', 'Fischer', 'García', 'Gupta', 'Haddad', 'Hansen', 'Ivanova', 'Jansen', 'Kaur',
  'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Lee', 'López', 'Mark', 'Martin', 'Meyer', 'Moreau',
  'Müller', 'Nakamura', 'Nguyen', 'Novak', "O'Brien", 'Okafor', 'Olsen', 'Park', 'Patel', 'Petrov',
  'Popescu', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Suzuki', 'Tanaka', 'Taylor',
  'Van der Berg', 'Wagner', 'Walsh', 'Wang', 'Weber', 'Williams', 'Wong', 'Yilmaz', 'Zhang', 'Zimmermann-Roth',
] as const;

/** Departments with the job titles found in them. */
export const DEPARTMENTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Engineering', ['Software Engineer', 'Senior Software Engineer', 'Engineering Manager', 'QA Engineer', 'DevOps Engineer']],
  ['Sales', ['Account Executive', 'Sales Manager', 'Sales Development Representative', 'Regional Sales Director']],
  ['Marketing', ['Marketing Specialist', 'Content Strategist', 'Product Marketing Manager', 'Brand Designer']],
  ['Finance', ['Accountant', 'Financial Analyst', 'Controller', 'Payroll Specialist']],
  ['Human Resources', ['HR Generalist', 'Recruiter', 'HR Business Partner', 'People Operations Manager']],
  ['IT', ['IT Administrator', 'Help Desk Technician', 'Security Analyst', 'Systems Architect']],
  ['Legal', ['Legal Counsel', 'Paralegal', 'Compliance Officer']],
  ['Operations', ['Operations Manager', 'Logistics Coordinator', 'Facilities Manager', 'Procurement Specialist']],
  ['Customer Success', ['Customer Success Manager', 'Support Engineer', 'Onboarding Specialist']],
  ['Executive', ['Chief Executive Officer', 'Chief Financial Officer', 'Chief Technology Officer', 'Executive Assistant']],
];

/** Office location, country or region, and the phone prefix used there. */
export const OFFICES: ReadonlyArray<readonly [string, string, string]> = [
  ['Jersey City', 'United States', '+1 201'],
  ['Seattle', 'United States', '+1 206'],
  ['Toronto', 'Canada', '+1 416'],
  ['London', 'United Kingdom', '+44 20'],
  ['Dublin', 'Ireland', '+353 1'],
  ['Berlin', 'Germany', '+49 30'],
  ['Munich', 'Germany', '+49 89'],
  ['Paris', 'France', '+33 1'],
  ['Ljubljana', 'Slovenia', '+386 1'],
  ['Amsterdam', 'Netherlands', '+31 20'],
  ['Stockholm', 'Sweden', '+46 8'],
  ['Madrid', 'Spain', '+34 91'],
  ['Tokyo', 'Japan', '+81 3'],
  ['Singapore', 'Singapore', '+65 6'],
  ['Sydney', 'Australia', '+61 2'],
  ['Bengaluru', 'India', '+91 80'],
  ['Shanghai', 'China', '+86 21'],
  ['São Paulo', 'Brazil', '+55 11'],
  ['Dubai', 'United Arab Emirates', '+971 4'],
  ['Cape Town', 'South Africa', '+27 21'],
];

/** The `startDate`/`endDate` value AvePoint uses for "not set". */
export const NOT_SET_DATE = '1970-01-01T00:00:00Z';
