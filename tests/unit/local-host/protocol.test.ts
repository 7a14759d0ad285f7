import { describe, expect, it } from 'vitest';
import {
  classify,
  hostEvent,
  NOT_SUPPORTED_MESSAGE,
  parseAppRequest,
  replyTo,
  unsupportedReply,
} from '../../../src/local/host/protocol';

const wire = {
  id: 1,
  uuidAsString: 'cfbbe6e4-e1b0-47bd-9dc0-05a210612102',
  func: 'getContext',
  args: [],
  timestamp: 1795829293969,
  monotonicTimestamp: 1795829293969.7,
  apiVersionTag: 'v2_app.getContext',
  isProxiedFromChild: false,
  teamsJsInstanceId: '336d8a5a-e822-4d9b-a509-34a07c5778a2',
};

describe('parseAppRequest', () => {
  it('reads a teams-js request as captured on the wire', () => {
    expect(parseAppRequest(wire)).toEqual({
      id: 1,
      func: 'getContext',
      args: [],
      uuidAsString: wire.uuidAsString,
    });
  });

  it('keeps the NAA relay payload and the standalone bridge uuid', () => {
    const relay = parseAppRequest({
      id: 'abc',
      uuid: 'u-1',
      func: 'nestedAppAuth.execute',
      args: [],
      data: '{"messageType":"NestedAppAuthRequest"}',
    });
    expect(relay).toMatchObject({ id: 'abc', uuid: 'u-1', data: expect.any(String) });
  });

  it('is not fooled by replies, events or strangers', () => {
    expect(parseAppRequest({ id: 3, args: [true] })).toBeUndefined(); // a reply
    expect(parseAppRequest({ func: 'themeChange', args: ['dark'] })).toBeUndefined(); // an event
    expect(parseAppRequest('{"id":1,"func":"x"}')).toBeUndefined();
    expect(parseAppRequest(null)).toBeUndefined();
    expect(parseAppRequest({ id: 1, func: '' })).toBeUndefined();
    expect(parseAppRequest({ id: 2, func: 'getContext' })?.args).toEqual([]);
  });
});

describe('classify', () => {
  it.each([
    ['initialize', 'initialize'],
    ['nestedAppAuth.execute', 'naa'],
    ['registerHandler', 'notification'],
    ['appInitialization.success', 'notification'],
    ['settings.setValidityState', 'notification'],
    ['settings.save.success', 'notification'],
    ['authentication.authenticate.success', 'notification'],
    ['meeting.appShareButton.setOptions', 'notification'],
    ['getContext', 'request'],
    ['settings.setSettings', 'request'],
    ['meeting.shareAppContentToStage', 'request'],
    ['some.futureApi', 'request'],
  ])('%s is a %s', (func, kind) => {
    expect(classify(func)).toBe(kind);
  });
});

describe('replies and events', () => {
  it('echoes id and uuidAsString, as teams-js matches on them', () => {
    expect(replyTo(parseAppRequest(wire)!, [{ a: 1 }])).toEqual({
      id: 1,
      uuidAsString: wire.uuidAsString,
      args: [{ a: 1 }],
      isPartialResponse: false,
    });
  });

  it('sends events without an id, or teams-js would take them for replies', () => {
    const event = hostEvent('themeChange', ['dark']);
    expect(event).toEqual({ func: 'themeChange', args: ['dark'] });
    expect('id' in event).toBe(false);
  });
});

describe('unsupportedReply', () => {
  const error = { errorCode: 100, message: NOT_SUPPORTED_MESSAGE };

  it('calls a meeting callback back with (error, null)', () => {
    expect(unsupportedReply('meeting.getMeetingDetails')).toEqual([error, null]);
  });

  it('rejects status-and-reason helpers with [false, reason]', () => {
    for (const func of [
      'executeDeepLink',
      'calendar.openCalendarItem',
      'mail.composeMail',
      'chat.openChat',
    ]) {
      expect(unsupportedReply(func)).toEqual([false, NOT_SUPPORTED_MESSAGE]);
    }
  });

  it('answers authentication.getUser with [false, sdkError]', () => {
    expect(unsupportedReply('authentication.getUser')).toEqual([false, error]);
  });

  it('answers anything else with [sdkError]', () => {
    expect(unsupportedReply('some.futureApi')).toEqual([error]);
    expect(unsupportedReply('getTabInstances')).toEqual([error]);
  });
});
