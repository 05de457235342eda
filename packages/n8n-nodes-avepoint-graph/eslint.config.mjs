// n8n's community-node rules (the ones n8n applies before verifying a package for its Cloud) on
// the shipped sources and package.json. The packed tarball is checked again by the scanner test.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';

export default [
  { ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', '*.config.ts', '*.config.mts', 'eslint.config.mjs'] },
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  { files: ['package.json'], languageOptions: { parser: tsParser } },
  { files: ['**/*.ts', 'package.json'], ...n8nCommunityNodesPlugin.configs.recommended },
];
