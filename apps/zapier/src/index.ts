// The Zapier app definition. Zapier loads it by package name (import for this ESM package,
// require through the CommonJS build), so this module's default export is the whole app.
import zapier from 'zapier-platform-core';
import packageJson from '../package.json' with { type: 'json' };
import { authentication } from './authentication.js';
import { findUsers } from './searches/find-users.js';
import { newUser } from './triggers/new-user.js';

const app = {
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  triggers: { [newUser.key]: newUser },
  searches: { [findUsers.key]: findUsers },
  creates: {},
};

export default app;
