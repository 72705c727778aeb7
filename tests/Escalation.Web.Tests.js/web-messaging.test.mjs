import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modulePath } from './paths.mjs';
import { FakeWebSocket } from './fake-media.mjs';

const wm = await import(modulePath('lib/web-messaging.js'));

const memoryStorage = () => {
  const map = new Map();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v) };
};
const manualClock = () => {
  const timers = [];
  return { timers, setTimeout: (fn, ms) => timers.push({ fn, ms }) };
};
const structured = (body, type = 'message') => ({ type, class: 'StructuredMessage', code: 200, body });

test('sessionToken is kept for the tab, so a reload resumes the same conversation', () => {
  const storage = memoryStorage();
  let n = 0;
  const make = () => `token-${++n}`;
  assert.equal(wm.sessionToken(storage, make), 'token-1');
  assert.equal(wm.sessionToken(storage, make), 'token-1');
  assert.equal(wm.sessionToken({ getItem() { throw new Error('off'); }, setItem() { throw new Error('off'); } }, make), 'token-2');
});

test('readFrame reads the platform frames a guest gets', () => {
  assert.deepEqual(wm.readFrame(JSON.stringify({ type: 'response', class: 'SessionResponse', code: 200, body: { readOnly: true } })),
    { kind: 'session', readOnly: true });
  assert.deepEqual(wm.readFrame(JSON.stringify(structured({
    id: 'm-1', direction: 'Outbound', type: 'Text', text: 'Hello', channel: { time: '2026-12-07T10:00:00.000Z', messageId: 'm-1' },
  }))), { kind: 'message', id: 'm-1', direction: 'outbound', text: 'Hello', time: '2026-12-07T10:00:00.000Z' });
  assert.equal(wm.readFrame(JSON.stringify(structured({
    id: 'm-2', type: 'Event', events: [{ eventType: 'Presence', presence: { type: 'Join' } }],
  }))).presence, 'Join');
  assert.deepEqual(wm.readFrame(JSON.stringify({ type: 'response', class: 'TooManyRequestsErrorMessage', code: 429, body: { retryAfter: 3, errorMessage: 'slow down' } })),
    { kind: 'error', code: 429, text: 'slow down', retryAfter: 3 });
  assert.equal(wm.readFrame(JSON.stringify({ type: 'response', class: 'string', code: 4013, body: 'too large' })).code, 4013);
  assert.equal(wm.readFrame('not json'), null);
});

test('a session configures itself, sends text with custom attributes, and remembers the newest message id', () => {
  FakeWebSocket.all = [];
  const events = [];
  const session = wm.createGuestSession({
    url: 'ws://localhost:5090/v1', deploymentId: 'dep 1', storage: memoryStorage(), WebSocketImpl: FakeWebSocket,
    clock: manualClock(), makeId: () => 'tok', onEvent: (e) => events.push(e),
  });
  session.start();
  const socket = FakeWebSocket.all[0];
  assert.equal(socket.url, 'ws://localhost:5090/v1?deploymentId=dep%201');
  assert.equal(session.send('too early'), false);
  socket.serverOpen();
  assert.deepEqual(socket.sent[0], { action: 'configureSession', deploymentId: 'dep 1', startNew: false, token: 'tok' });
  socket.serverSend({ type: 'response', class: 'SessionResponse', code: 200, body: { connected: true, readOnly: false } });
  assert.deepEqual(events.at(-1), { type: 'state', state: 'connected' });

  assert.equal(session.send('Hi', { queueId: 'VIP-Video-Q' }), true);
  assert.deepEqual(socket.sent[1], {
    action: 'onMessage', token: 'tok',
    message: { type: 'Text', text: 'Hi', channel: { metadata: { customAttributes: { queueId: 'VIP-Video-Q' } } } },
  });
  const next = session.whenMessage();
  socket.serverSend(structured({ id: 'in-1', direction: 'Inbound', type: 'Text', text: 'Hi' }, 'response'));
  assert.equal(session.lastMessageId(), 'in-1');
  socket.serverSend(structured({ id: 'out-1', direction: 'Outbound', type: 'Text', text: 'Hello, how can I help?' }));
  assert.equal(session.lastMessageId(), 'out-1');
  assert.deepEqual(events.filter((e) => e.type === 'message').map((e) => [e.direction, e.text]),
    [['inbound', 'Hi'], ['outbound', 'Hello, how can I help?']]);
  return next.then((id) => assert.equal(id, 'in-1'));
});

test('a dropped socket is resumed with the same token; an ended chat is not', () => {
  FakeWebSocket.all = [];
  const clock = manualClock();
  const events = [];
  const session = wm.createGuestSession({
    url: 'ws://x/v1', deploymentId: 'd', storage: memoryStorage(), WebSocketImpl: FakeWebSocket, clock,
    makeId: () => 'tok', onEvent: (e) => events.push(e),
  });
  session.start();
  FakeWebSocket.all[0].serverOpen();
  FakeWebSocket.all[0].serverClose(1006);
  assert.deepEqual(events.at(-1), { type: 'state', state: 'reconnecting' });
  assert.equal(clock.timers[0].ms, 1000);
  clock.timers[0].fn();
  const again = FakeWebSocket.all[1];
  again.serverOpen();
  assert.equal(again.sent[0].token, 'tok');

  again.serverSend(structured({ id: 'e-1', type: 'Event', events: [{ eventType: 'Presence', presence: { type: 'Disconnect' } }] }));
  assert.equal(session.ended, true);
  assert.equal(session.send('anyone?'), false);
  again.serverClose(1000);
  assert.equal(clock.timers.length, 1, 'no reconnect after the chat ended');
});
