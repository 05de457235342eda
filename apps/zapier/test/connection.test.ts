// How the auth fields map onto core's environments (pure: no request is sent).
import { ENVIRONMENTS } from '@avepoint-graph-kit/core/protocol';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_CHOICES, connectionOf } from '../src/connection.js';
import { fieldLabel } from '../src/zapier-errors.js';

describe('connectionOf', () => {
  it('offers the stable environment keys, with labels from core', () => {
    expect(ENVIRONMENT_CHOICES.map((c) => c.value)).toEqual(['commercial', 'gov', 'aos2', 'fedramp', 'custom']);
    expect(ENVIRONMENT_CHOICES.find((c) => c.value === 'gov')?.label).toBe(ENVIRONMENTS.gov.label);
  });

  it('a named environment ignores leftover custom URLs, so the secret never goes there', () => {
    const c = connectionOf({
      environment: 'gov',
      clientId: 'id',
      clientSecret: 's',
      baseUrl: 'http://127.0.0.1:1',
      tokenUrl: 'http://127.0.0.1:1/t',
    });
    expect(c).toMatchObject({
      baseUrl: ENVIRONMENTS.gov.baseUrl,
      tokenUrl: ENVIRONMENTS.gov.tokenUrl,
      environmentLabel: ENVIRONMENTS.gov.label,
    });
  });

  it('Custom uses the given URLs (trailing slash trimmed) and requires both', () => {
    const c = connectionOf({
      environment: 'custom',
      clientId: 'id',
      clientSecret: 's',
      baseUrl: 'http://127.0.0.1:8080/',
      tokenUrl: 'http://127.0.0.1:8080/connect/token',
    });
    expect(c).toMatchObject({ baseUrl: 'http://127.0.0.1:8080', tokenUrl: 'http://127.0.0.1:8080/connect/token' });
    expect(() => connectionOf({ environment: 'custom', baseUrl: 'https://graph.example.com' })).toThrow(/tokenUrl/);
  });

  it('defaults to Commercial and refuses an unknown environment', () => {
    expect(connectionOf({}).baseUrl).toBe(ENVIRONMENTS.commercial.baseUrl);
    expect(() => connectionOf({ environment: 'mars' })).toThrow(/environment/);
  });
});

describe('fieldLabel', () => {
  it('names fields as the Zap editor shows them, list entries counted from 1', () => {
    expect(fieldLabel('customerId')).toBe('Customer ID');
    expect(fieldLabel('userIds[0]')).toBe('User IDs (entry 1)');
    expect(fieldLabel('somethingElse')).toBe('somethingElse');
  });
});
