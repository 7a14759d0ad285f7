import { afterAll, afterEach, beforeAll } from 'vitest';
import type { LocalTenantOptions } from '../../src/local/tenant/server';
import { startTestTenant, type TestTenant } from './local-tenant';

/**
 * One tenant for a test file: started before its tests, stopped after them, with fault rules
 * cleared after each test. The tenant is there once the tests run (not while they are collected).
 */
export function useTestTenant(options: Partial<LocalTenantOptions> = {}): TestTenant {
  let current: TestTenant | undefined;
  beforeAll(async () => {
    current = await startTestTenant(options);
  });
  afterAll(async () => {
    await current?.stop();
  });
  afterEach(async () => {
    await current?.clearFaults();
  });
  return new Proxy({} as TestTenant, {
    get(_target, key) {
      if (!current) throw new Error('The test tenant starts in beforeAll; use it inside tests.');
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? (value as () => unknown).bind(current) : value;
    },
  });
}
