import { defineConfig } from 'vitest/config';

// Repository-wide checks (release configuration, workflows, the protocol copy, public surfaces,
// links, import cycles); the packages have their own configs.
export default defineConfig({ test: { include: ['tests/**/*.test.ts'], testTimeout: 60_000 } });
