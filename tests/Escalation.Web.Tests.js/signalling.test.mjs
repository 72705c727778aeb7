import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modulePath } from './paths.mjs';
import { FakeWebSocket } from './fake-media.mjs';

const sig = await import(modulePath('rooms/signalling.js'));

test('signalUrl follows the page scheme and encodes the token', () => {
  assert.equal(sig.signalUrl({ protocol: 'https:', host: 'bank.example' }, 'b-1', 'a+b/c='),
    'wss://bank.example/rooms/b-1/signal?token=a%2Bb%2Fc%3D');
  assert.equal(sig.signalUrl({ protocol: 'http:', host: 'localhost:5080' }, 'b-1', 't'),
    'ws://localhost:5080/rooms/b-1/signal?token=t');
});

test('backoffDelay: 0.5 s doubling to 8 s, jittered in the upper half', () => {
  const low = () => 0;
  const high = () => 1;
  assert.equal(sig.backoffDelay(0, high), 500);
  assert.equal(sig.backoffDelay(0, low), 250);
  assert.equal(sig.backoffDelay(1, high), 1000);
  assert.equal(sig.backoffDelay(2, high), 2000);
  assert.equal(sig.backoffDelay(3, high), 4000);
  assert.equal(sig.backoffDelay(4, high), 8000);
  assert.equal(sig.backoffDelay(50, high), 8000);
  assert.equal(sig.backoffDelay(50, low), 4000);
  for (let attempt = 0; attempt < 12; attempt += 1) {
    const d = sig.backoffDelay(attempt);
    assert.ok(d >= 250 && d <= 8000, `attempt ${attempt}: ${d}`);
  }
});

test('closeOutcome: which closes reconnect', () => {
  assert.equal(sig.closeOutcome(1006), 'reconnect');
  assert.equal(sig.closeOutcome(1000), 'reconnect'); // the server going away is unexpected for us
  assert.equal(sig.closeOutcome(1011), 'reconnect');
  assert.equal(sig.closeOutcome(4008), 'reconnect'); // rate limited: retry after backoff
  assert.equal(sig.closeOutcome(4001), 'taken-over');
  assert.equal(sig.closeOutcome(4003), 'refused');
  assert.equal(sig.closeOutcome(4050), 'refused');
  assert.equal(sig.closeOutcome(4099), 'refused');
  assert.equal(sig.closeOutcome(1006, { intentional: true }), 'stop');
});

test('parseServerMessage: welcome is cleaned up', () => {
  const msg = sig.parseServerMessage(JSON.stringify({
    type: 'welcome', party: 'agent', polite: false,
    iceServers: [{ urls: 'stun:stun.example:3478' }, { urls: ['turn:t.example'], username: 'u', credential: 'c' }, { urls: 5 }, 'x'],
    booking: { queueId: 'q', queueName: 'VIP', scheduledTime: '2026-05-12T10:30:00Z', customerName: 'Fatima',
      attributes: { productLine: 'Post-paid', tier: 2, nested: { no: 1 } } },
  }));
  assert.deepEqual(msg, {
    type: 'welcome', party: 'agent', polite: false,
    iceServers: [{ urls: ['stun:stun.example:3478'] }, { urls: ['turn:t.example'], username: 'u', credential: 'c' }],
    booking: { queueId: 'q', queueName: 'VIP', scheduledTime: '2026-05-12T10:30:00Z', customerName: 'Fatima',
      attributes: { productLine: 'Post-paid', tier: '2' } },
  });
  const customer = sig.parseServerMessage('{"type":"welcome","party":"customer","polite":true,"iceServers":[],"booking":{"queueId":"q","queueName":"VIP","scheduledTime":""}}');
  assert.equal(customer.polite, true);
  assert.equal('customerName' in customer.booking, false);
  assert.equal(sig.parseServerMessage('{"type":"welcome","party":"boss"}'), null);
});

test('parseServerMessage: signal, state, chat, peer events', () => {
  assert.deepEqual(sig.parseServerMessage('{"type":"signal","description":{"type":"offer","sdp":"v=0"}}'),
    { type: 'signal', description: { type: 'offer', sdp: 'v=0' } });
  assert.deepEqual(sig.parseServerMessage('{"type":"signal","candidate":{"candidate":"candidate:1 1 udp 1 1.2.3.4 5 typ host","sdpMid":"0","sdpMLineIndex":0}}'),
    { type: 'signal', candidate: { candidate: 'candidate:1 1 udp 1 1.2.3.4 5 typ host', sdpMid: '0', sdpMLineIndex: 0 } });
  assert.equal(sig.parseServerMessage('{"type":"signal","description":{"type":"evil","sdp":"x"}}'), null);
  assert.equal(sig.parseServerMessage('{"type":"signal"}'), null);
  assert.deepEqual(sig.parseServerMessage('{"type":"state","muted":true,"cameraOff":"yes","sharing":false}'),
    { type: 'state', muted: true, cameraOff: false, sharing: false });
  assert.deepEqual(sig.parseServerMessage('{"type":"chat","text":"hi","at":"2026-05-12T10:30:00Z"}'),
    { type: 'chat', text: 'hi', at: '2026-05-12T10:30:00Z' });
  assert.equal(sig.parseServerMessage('{"type":"chat","text":"  "}'), null);
  assert.match(sig.parseServerMessage('{"type":"chat","text":"hi","at":"nonsense"}').at, /^\d{4}-/);
  assert.deepEqual(sig.parseServerMessage('{"type":"peer-left","reason":"left"}'), { type: 'peer-left', reason: 'left' });
  assert.deepEqual(sig.parseServerMessage('{"type":"peer-left"}'), { type: 'peer-left', reason: 'disconnected' });
  assert.deepEqual(sig.parseServerMessage('{"type":"peer-joined"}'), { type: 'peer-joined' });
  assert.deepEqual(sig.parseServerMessage('{"type":"taken-over"}'), { type: 'taken-over' });
  assert.deepEqual(sig.parseServerMessage('{"type":"error","reason":"rate-limited"}'), { type: 'error', reason: 'rate-limited' });
});

test('parseServerMessage never throws on garbage', () => {
  for (const bad of ['', 'not json', '[]', 'null', '42', '{"type":7}', '{"type":"nope"}', undefined, {}]) {
    assert.equal(sig.parseServerMessage(bad), null, String(bad));
  }
});

// ---------- createSignalling with a fake socket (fake-media.mjs) and manual timers ----------

function harness() {
  FakeWebSocket.all = [];
  const timers = [];
  const log = { messages: [], statuses: [], ends: [] };
  log.handshakeFailures = 0;
  const client = sig.createSignalling({
    url: 'wss://x/rooms/b/signal?token=t',
    onHandshakeFailed: () => { log.handshakeFailures += 1; },
    onMessage: (m) => log.messages.push(m),
    onStatus: (st) => log.statuses.push(st),
    onEnd: (outcome, code) => log.ends.push([outcome, code]),
    WebSocketImpl: FakeWebSocket,
    random: () => 1,
    setTimer: (fn, ms) => { timers.push({ fn, ms }); return timers.length; },
    clearTimer: (id) => { timers[id - 1].cancelled = true; },
  });
  const fire = () => { const next = timers.find((tm) => !tm.done && !tm.cancelled); next.done = true; next.fn(); return next.ms; };
  return { client, timers, log, fire, sockets: FakeWebSocket.all };
}

test('createSignalling connects, delivers valid messages and sends JSON', () => {
  const { client, log, sockets } = harness();
  assert.equal(client.send({ type: 'chat', text: 'early' }), false); // nothing open yet
  client.connect();
  assert.equal(sockets.length, 1);
  sockets[0].serverOpen();
  sockets[0].serverSend({ type: 'peer-joined' });
  sockets[0].onmessage({ data: '{broken' });
  assert.deepEqual(log.messages, [{ type: 'peer-joined' }]);
  assert.deepEqual(log.statuses, ['connecting', 'open']);
  assert.equal(client.send({ type: 'chat', text: 'hi' }), true);
  assert.deepEqual(sockets[0].sent, [{ type: 'chat', text: 'hi' }]);
});

test('unexpected close reconnects with growing delays; welcome resets the backoff', (t) => {
  t.mock.method(console, 'warn', () => {});
  const { client, log, fire, sockets } = harness();
  client.connect();
  sockets[0].serverOpen();
  sockets[0].serverClose(1006);
  assert.equal(log.statuses.at(-1), 'reconnecting');
  assert.equal(fire(), 500);
  assert.equal(sockets.length, 2);
  sockets[1].serverClose(1006);
  assert.equal(fire(), 1000);
  sockets[2].serverOpen();
  sockets[2].serverSend({ type: 'welcome', party: 'customer', polite: true, iceServers: [], booking: {} });
  sockets[2].serverClose(4008); // rate limited: retry, from the start of the ladder
  assert.equal(fire(), 500);
  assert.equal(sockets.length, 4);
  assert.deepEqual(log.ends, []);
});

test('4001 (taken over) and 4003 (refused) end without reconnecting', () => {
  let h = harness();
  h.client.connect();
  h.sockets[0].serverOpen();
  h.sockets[0].serverSend({ type: 'taken-over' });
  h.sockets[0].serverClose(4001);
  assert.deepEqual(h.log.ends, [['taken-over', 4001]]);
  assert.equal(h.timers.length, 0);

  h = harness();
  h.client.connect();
  h.sockets[0].serverClose(4003);
  assert.deepEqual(h.log.ends, [['refused', 4003]]);
  assert.equal(h.timers.length, 0);
});

test('close() is final: no reconnect, pending retry cancelled', () => {
  const { client, timers, log, sockets } = harness();
  client.connect();
  sockets[0].serverOpen();
  client.close(1000);
  assert.equal(sockets[0].closedWith, 1000);
  sockets[0].serverClose(1000); // the close event arrives later; ignored
  assert.equal(timers.length, 0);
  assert.deepEqual(log.ends, []);

  const h = harness();
  h.client.connect();
  h.sockets[0].serverClose(1006);
  assert.equal(h.timers.length, 1);
  h.client.close();
  assert.equal(h.timers[0].cancelled, true);
  assert.equal(h.client.send({ type: 'leave' }), false);
});

test('a socket that closes before opening reports a failed handshake (and still retries)', () => {
  const { client, log, fire, sockets } = harness();
  client.connect();
  sockets[0].serverClose(1006);
  assert.equal(log.handshakeFailures, 1);
  fire();
  sockets[1].serverOpen();
  sockets[1].serverClose(1006);
  assert.equal(log.handshakeFailures, 1, 'a drop after opening is a plain reconnect');
  assert.equal(sockets.length, 2);
});
