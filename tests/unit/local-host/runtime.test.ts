import { describe, expect, it } from 'vitest';
import { initializeReplyArgs, runtimeConfig } from '../../../src/local/host/runtime';
import fixtureRuntime from './fixtures/runtimeConfig.json';
import fixtureInit from './fixtures/initialize.response.json';

describe('runtime config', () => {
  it('with NAA on is the verified fixture', () => {
    expect(runtimeConfig({ naa: true })).toEqual(fixtureRuntime);
  });

  it('with NAA off omits supports.nestedAppAuth and does not recommend NAA', () => {
    const runtime = runtimeConfig({ naa: false });
    expect(runtime.isNAAChannelRecommended).toBe(false);
    expect(runtime.supports).not.toHaveProperty('nestedAppAuth');
    expect(runtime.supports).toMatchObject({ pages: { config: {} }, teamsCore: {} });
  });
});

describe('initialize reply', () => {
  it('uses the swapped-slot layout [frameContext, "web", "2.0.1", runtimeJSON]', () => {
    const args = initializeReplyArgs('sidePanel', runtimeConfig({ naa: true }));
    expect(args).toEqual(fixtureInit.args);
  });

  it('puts a version in slot 2 that fails JSON.parse, and the runtime JSON in slot 3', () => {
    const [frameContext, clientType, version, runtime] = initializeReplyArgs(
      'settings',
      runtimeConfig({ naa: false }),
    );
    expect([frameContext, clientType]).toEqual(['settings', 'web']);
    expect(() => JSON.parse(version)).toThrow(SyntaxError);
    expect(JSON.parse(runtime)).toMatchObject({ apiVersion: 4 });
  });
});
