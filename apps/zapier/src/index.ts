// The Zapier app definition. Zapier loads it by package name (import for this ESM package,
// require through the CommonJS build), so this module's default export is the whole app.
import zapier from 'zapier-platform-core';
import packageJson from '../package.json' with { type: 'json' };
import { authentication } from './authentication.js';
import { findUser } from './searches/find-user.js';
import { findUsers } from './searches/find-users.js';
import { customerList } from './triggers/customer-list.js';
import { newUser } from './triggers/new-user.js';
import { tenantList } from './triggers/tenant-list.js';

const app = {
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  // customerList and tenantList are hidden: they only feed the Customer and Tenant dropdowns.
  triggers: { [newUser.key]: newUser, [customerList.key]: customerList, [tenantList.key]: tenantList },
  searches: { [findUsers.key]: findUsers, [findUser.key]: findUser },
  creates: {},
};

export default app;
