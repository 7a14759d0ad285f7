import { describe, expect, it } from 'vitest';
import { legacyContext } from '../../../src/local/host/context';
import {
  handleRequest,
  parseTabConfig,
  type FrameInfo,
  type HostView,
  type TabConfig,
} from '../../../src/local/host/handlers';
import type { AppRequest, FrameContext } from '../../../src/local/host/protocol';
import { runtimeConfig } from '../../../src/local/host/runtime';

const ORIGIN = 'http://127.0.0.1:5173';
const tab = (frameContext: FrameContext): FrameInfo => ({ role: 'tab', frameContext });
const popup: FrameInfo = { role: 'auth', frameContext: 'authentication' };

function view(overrides: Partial<HostView> = {}): HostView {
  return {
    origin: ORIGIN,
    runtime: (frame) => runtimeConfig({ naa: frame.role !== 'auth' }),
    context: (frame) =>
      legacyContext({
        scope: 'meeting',
        frameContext: frame.frameContext,
        entityId: 'rapport-meeting',
        person: { id: 'p1', displayName: 'P One', userPrincipalName: 'p1@x.example' },
        tenantId: 't1',
        theme: 'dark',
        appId: 'app-id-12345',
        appSessionId: 's1',
        chatId: '19:meeting_x@thread.v2',
      }),
    tabConfig: () => undefined,
    isSharingToStage: false,
    ...overrides,
  };
}

let nextId = 0;
const req = (func: string, args: unknown[] = [], extra: Partial<AppRequest> = {}): AppRequest => ({
  id: nextId++,
  uuidAsString: `uuid-${String(nextId)}`,
  func,
  args,
  ...extra,
});

describe('handleRequest', () => {
  it("answers initialize with the frame's context and its runtime", () => {
    const out = handleRequest(req('initialize', ['2.58.0', 4, null]), tab('sidePanel'), view());
    expect(out.effect).toEqual({ kind: 'initialized' });
    expect(out.reply?.slice(0, 3)).toEqual(['sidePanel', 'web', '2.0.1']);
    expect(JSON.parse(out.reply?.[3] as string)).toMatchObject({ supports: { nestedAppAuth: {} } });

    const auth = handleRequest(req('initialize'), popup, view());
    expect(auth.reply?.[0]).toBe('authentication');
    expect(JSON.parse(auth.reply?.[3] as string).supports).not.toHaveProperty('nestedAppAuth');
  });

  it('answers getContext with the legacy context', () => {
    const out = handleRequest(req('getContext'), tab('meetingStage'), view());
    expect(out.reply).toEqual([
      expect.objectContaining({ frameContext: 'meetingStage', theme: 'dark' }),
    ]);
  });

  it('records registerHandler and answers no notification', () => {
    expect(handleRequest(req('registerHandler', ['themeChange']), tab('content'), view())).toEqual({
      effect: { kind: 'registerHandler', name: 'themeChange' },
    });
    for (const func of [
      'appInitialization.appLoaded',
      'appInitialization.success',
      'readyToUnload',
    ]) {
      expect(handleRequest(req(func, ['2.58.0']), tab('content'), view()).reply).toBeUndefined();
    }
  });

  it('hands NAA relay requests on without a synchronous reply', () => {
    const out = handleRequest(
      req('nestedAppAuth.execute', [], { data: '{"x":1}' }),
      tab('content'),
      view(),
    );
    expect(out).toEqual({ effect: { kind: 'naa', data: '{"x":1}' } });
  });

  describe('pages.config', () => {
    const config: TabConfig = {
      contentUrl: `${ORIGIN}/?view=tab`,
      entityId: 'rapport-team',
      suggestedDisplayName: 'Rapport',
    };

    it('turns setValidityState into an effect, with no reply', () => {
      expect(
        handleRequest(req('settings.setValidityState', [true]), tab('settings'), view()),
      ).toEqual({ effect: { kind: 'validity', valid: true } });
    });

    it('accepts setSettings with [true] and remembers the config', () => {
      expect(handleRequest(req('settings.setSettings', [config]), tab('settings'), view())).toEqual(
        {
          reply: [true],
          effect: { kind: 'setConfig', config },
        },
      );
    });

    it('rejects setSettings without a contentUrl, or one on another origin', () => {
      expect(
        handleRequest(req('settings.setSettings', [{}]), tab('settings'), view()).reply?.[0],
      ).toBe(false);
      const foreign = handleRequest(
        req('settings.setSettings', [{ contentUrl: 'https://evil.example/' }]),
        tab('settings'),
        view(),
      );
      expect(foreign.reply?.[0]).toBe(false);
      expect(foreign.effect).toBeUndefined();
    });

    it('answers getSettings with the saved config, or {}', () => {
      expect(handleRequest(req('settings.getSettings'), tab('content'), view()).reply).toEqual([
        {},
      ]);
      expect(
        handleRequest(
          req('settings.getSettings'),
          tab('content'),
          view({ tabConfig: () => config }),
        ).reply,
      ).toEqual([config]);
    });

    it('reports the save outcome', () => {
      expect(handleRequest(req('settings.save.success'), tab('settings'), view()).effect).toEqual({
        kind: 'saveResult',
        ok: true,
      });
      expect(
        handleRequest(req('settings.save.failure', ['no access']), tab('settings'), view()).effect,
      ).toEqual({ kind: 'saveResult', ok: false, reason: 'no access' });
    });
  });

  describe('meeting stage sharing', () => {
    it('grants share permission in the side panel and on the stage only', () => {
      for (const ctx of ['sidePanel', 'meetingStage'] as const) {
        expect(
          handleRequest(req('meeting.getAppContentStageSharingCapabilities'), tab(ctx), view())
            .reply,
        ).toEqual([null, { doesAppHaveSharePermission: true }]);
      }
      const content = handleRequest(
        req('meeting.getAppContentStageSharingCapabilities'),
        tab('content'),
        view(),
      );
      expect(content.reply).toEqual([expect.objectContaining({ errorCode: 501 }), null]);
    });

    it('opens the stage with the shared URL', () => {
      const out = handleRequest(
        req('meeting.shareAppContentToStage', [
          `${ORIGIN}/?surface=stage`,
          { sharingProtocol: 'Collaborative' },
        ]),
        tab('sidePanel'),
        view(),
      );
      expect(out).toEqual({
        reply: [null, true],
        effect: { kind: 'openStage', path: '/?surface=stage' },
      });
    });

    it('refuses a stage URL on another origin', () => {
      const out = handleRequest(
        req('meeting.shareAppContentToStage', ['https://evil.example/']),
        tab('sidePanel'),
        view(),
      );
      expect(out.reply).toEqual([expect.objectContaining({ errorCode: 4000 }), null]);
      expect(out.effect).toBeUndefined();
    });

    it('reports and stops sharing', () => {
      expect(
        handleRequest(
          req('meeting.getAppContentStageSharingState'),
          tab('meetingStage'),
          view({ isSharingToStage: true }),
        ).reply,
      ).toEqual([null, { isAppSharing: true }]);
      expect(
        handleRequest(req('meeting.getAppContentStageSharingState'), tab('sidePanel'), view())
          .reply,
      ).toEqual([null, { isAppSharing: false }]);
      expect(
        handleRequest(req('meeting.stopSharingAppContentToStage'), tab('meetingStage'), view()),
      ).toEqual({ reply: [null, true], effect: { kind: 'closeStage' } });
    });

    it('answers other meeting APIs with (error, null)', () => {
      const out = handleRequest(req('meeting.getMeetingDetails'), tab('sidePanel'), view());
      expect(out.reply).toEqual([expect.objectContaining({ errorCode: 100 }), null]);
      expect(out.effect).toEqual({ kind: 'unsupported' });
    });
  });

  describe('authentication', () => {
    it('opens the popup for authenticate and replies later', () => {
      const out = handleRequest(
        req('authentication.authenticate', [`${ORIGIN}/auth.html?x=1`, 600, 535, false]),
        tab('content'),
        view(),
      );
      expect(out).toEqual({
        effect: { kind: 'authenticate', path: '/auth.html?x=1', width: 600, height: 535 },
      });
    });

    it('refuses an auth page on another origin', () => {
      const out = handleRequest(
        req('authentication.authenticate', ['https://evil.example/auth']),
        tab('content'),
        view(),
      );
      expect(out.reply?.[0]).toBe(false);
    });

    it("takes the popup's outcome from the popup only", () => {
      expect(
        handleRequest(req('authentication.authenticate.success', ['token']), popup, view()).effect,
      ).toEqual({ kind: 'authResult', ok: true, value: 'token' });
      expect(
        handleRequest(
          req('authentication.authenticate.failure', ['CancelledByUser']),
          popup,
          view(),
        ).effect,
      ).toEqual({ kind: 'authResult', ok: false, value: 'CancelledByUser' });
      expect(
        handleRequest(
          req('authentication.authenticate.success', ['forged']),
          tab('content'),
          view(),
        ),
      ).toEqual({});
    });

    it('points getAuthToken at NAA', () => {
      expect(
        handleRequest(req('authentication.getAuthToken'), tab('content'), view()).reply,
      ).toEqual([false, 'not supported by the local host: use NAA']);
    });
  });

  it('answers every unknown func with an SDK error and flags it', () => {
    const out = handleRequest(req('some.futureApi', [1]), tab('content'), view());
    expect(out).toEqual({
      reply: [{ errorCode: 100, message: 'Not supported by the local Teams host' }],
      effect: { kind: 'unsupported' },
    });
  });
});

describe('parseTabConfig', () => {
  it('keeps the known string fields of a config with a contentUrl', () => {
    expect(parseTabConfig({ contentUrl: '/x', entityId: 'e', other: 1, websiteUrl: 5 })).toEqual({
      contentUrl: '/x',
      entityId: 'e',
    });
    expect(parseTabConfig({ entityId: 'e' })).toBeUndefined();
    expect(parseTabConfig('x')).toBeUndefined();
  });
});
