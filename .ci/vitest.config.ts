import { defineConfig } from 'vitest/config';

// Workspace-level checks (release configuration); the packages have their own configs.
export default defineConfig({ test: { include: ['tests/**/*.test.ts'], testTimeout: 60_000 } });
