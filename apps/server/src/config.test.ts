import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration (one schema, validated once)', () => {
  it('has working defaults: demo mode on the embedded database at port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DEMO_MODE: true, DATA_DIR: './data', DATABASE_URL: undefined });
    expect(c.operatorPrefixes).toEqual(['701', '702', '775', '778']);
  });
  it('lists every bad key at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SECRETS_KEY: 'short', OPERATOR_PREFIXES: '70' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const key of ['PORT', 'DATABASE_URL', 'SECRETS_KEY', 'OPERATOR_PREFIXES']) expect(problems).toContain(key);
    }
  });
  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });
});
