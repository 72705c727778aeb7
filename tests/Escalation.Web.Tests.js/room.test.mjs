// End-to-end smoke tests of /rooms/room.js on a fake DOM with fake media, WebRTC and WebSocket:
// every page state, the pre-join contract, joining, the status line, chat, screen sharing,
// leaving/rejoining and "taken over". Real browsers are tested elsewhere; this catches wiring bugs fast.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { wwwroot, modulePath } from './paths.mjs';
import { createDocument, FakeNode, getByRole, getAllByRole, nameOf, fakeEvent } from './fake-dom.mjs';
import { FakeStream, FakePC, FakeWebSocket, fakeMediaDevices } from './fake-media.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitFor(check, what, timeout = 3000) {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      const result = check();
      if (result) return result;
    } catch (err) {
      if (Date.now() > until) throw err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

let pageNumber = 0;
const saved = {};
for (const name of ['document', 'window', 'location', 'navigator', 'fetch', 'Node', 'MediaStream', 'RTCPeerConnection', 'WebSocket']) {
  saved[name] = Object.getOwnPropertyDescriptor(globalThis, name);
}
const setGlobal = (name, value) => Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });

afterEach(() => {
  for (const [name, descriptor] of Object.entries(saved)) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete globalThis[name];
  }
});

/** Loads room.js afresh against a new fake document, as the server would serve it. */
async function openPage({
  lang = 'en', dataset, pathname = '/rooms/b-1', search = '?token=tok', devices = fakeMediaDevices(), pageAnswer = null,
}) {
  const doc = createDocument({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr', dataset });
  const reloads = [];
  setGlobal('document', doc);
  setGlobal('window', {});
  const href = `https://bank.test${pathname}${search}`;
  const pageFetches = [];
  setGlobal('location', { href, pathname, search, protocol: 'https:', host: 'bank.test', reload: () => reloads.push(Date.now()) });
  setGlobal('navigator', { mediaDevices: devices });
  setGlobal('fetch', async (url) => {
    if (url === href) {
      // The room page itself, asked again after a refused WebSocket handshake.
      pageFetches.push(url);
      const { status, state } = pageAnswer ?? { status: 200, state: 'open' };
      return { ok: status === 200, status, text: async () => `<html lang="en" data-state="${state}">` };
    }
    try {
      const text = await readFile(path.join(wwwroot, url), 'utf8');
      return { ok: true, status: 200, json: async () => JSON.parse(text) };
    } catch {
      return { ok: false, status: 404, json: async () => ({}) };
    }
  });
  setGlobal('Node', FakeNode);
  setGlobal('MediaStream', FakeStream);
  setGlobal('RTCPeerConnection', FakePC);
  setGlobal('WebSocket', FakeWebSocket);
  FakeWebSocket.all = [];
  FakePC.all = [];
  pageNumber += 1;
  await import(`${modulePath('rooms/room.js')}?page=${pageNumber}`);
  await waitFor(() => doc.body.dataset.ready === 'true', 'the page to render');
  return { doc, reloads, win: globalThis.window, devices, pageFetches };
}

const heading = (doc) => doc.getElementById('page-heading').textContent;
const statusText = (doc) => getByRole(doc, 'status').textContent;

/** Pre-join -> Join call -> socket open -> welcome (+ peer-joined) -> media connected. */
async function joinCall(doc, { party = 'customer', booking = {}, peer = true } = {}) {
  getByRole(doc, 'button', doc.documentElement.lang === 'ar' ? 'الانضمام إلى المكالمة' : 'Join call').click();
  const ws = await waitFor(() => FakeWebSocket.all.at(-1), 'the signalling socket');
  ws.serverOpen();
  ws.serverSend({ type: 'welcome', party, polite: party === 'customer', iceServers: [{ urls: ['stun:stun.bank.test'] }],
    booking: { queueId: 'q1', queueName: 'VIP-Video-Q', scheduledTime: '2026-05-12T10:30:00Z', ...booking } });
  if (peer) ws.serverSend({ type: 'peer-joined' });
  return ws;
}

test('invalid: a heading and one calm line, nothing else', async () => {
  const { doc } = await openPage({ dataset: { state: 'invalid', party: '' } });
  assert.equal(heading(doc), 'This link is not valid');
  assert.equal(doc.title, 'This link is not valid');
  assert.equal(getAllByRole(doc, 'button').length, 0);
  assert.equal(getAllByRole(doc, 'link').length, 0);
  assert.equal(doc.documentElement.querySelectorAll('p').length, 1);
});

test('unreplaced template placeholders show the invalid page', async () => {
  const { doc } = await openPage({ dataset: { state: '{{state}}', party: '{{party}}' }, lang: '{{lang}}' });
  assert.equal(heading(doc), 'This link is not valid');
});

test('cancelled: Manage booking link for the customer only', async () => {
  let { doc } = await openPage({ dataset: { state: 'cancelled', party: 'customer', manageUrl: 'https://bank.test/bookings/b-1?token=m' } });
  assert.equal(heading(doc), 'This video appointment was cancelled');
  assert.equal(getByRole(doc, 'link', 'Manage booking').getAttribute('href'), 'https://bank.test/bookings/b-1?token=m');

  ({ doc } = await openPage({ dataset: { state: 'cancelled', party: 'agent', manageUrl: '' } }));
  assert.equal(getAllByRole(doc, 'link').length, 0);
});

test('closed: the room is closed', async () => {
  const { doc } = await openPage({ dataset: { state: 'closed', party: 'customer' } });
  assert.equal(heading(doc), 'This video call has ended');
  assert.match(doc.documentElement.textContent, /The room is closed/);
});

test('early: both zones named, calendar link, countdown, reload at opensAt', async () => {
  const opensAt = new Date(Date.now() + 300).toISOString();
  const { doc, reloads } = await openPage({
    dataset: {
      state: 'early', party: 'customer', opensAt, scheduledTime: '2026-05-12T10:30:00Z',
      queueZone: 'Pacific/Chatham', icsUrl: 'https://bank.test/bookings/b-1/ics?token=i',
    },
  });
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  assert.match(heading(doc), /^Your video call starts at \d\d:\d\d \(.+\) on /);
  assert.ok(heading(doc).includes(`(${localZone})`));
  assert.match(doc.documentElement.textContent, /\d\d:\d\d \(Pacific\/Chatham\)/);
  assert.match(doc.documentElement.textContent, /This page opens the room by itself at \d\d:\d\d/);
  assert.equal(getByRole(doc, 'link', 'Add to calendar').getAttribute('href'), 'https://bank.test/bookings/b-1/ics?token=i');
  const timer = getByRole(doc, 'timer');
  assert.match(timer.textContent, /^Time left: 00:00:0\d$/);
  await waitFor(() => reloads.length === 1, 'the reload at opensAt');
  await sleep(1100);
  assert.equal(reloads.length, 1, 'reloads once, not in a loop');
});

test('pre-join: preview, level meter, device pickers, toggles and Join call', async () => {
  const { doc, devices } = await openPage({ dataset: { state: 'open', party: 'customer' } });
  assert.equal(heading(doc), 'Get ready for your video call');
  await waitFor(() => getByRole(doc, 'combobox', 'Camera device'), 'the camera picker');
  const video = getByRole(doc, 'video', 'Your camera preview');
  assert.ok(video.hasAttribute('muted') && video.hasAttribute('playsinline') && video.hasAttribute('autoplay'));
  assert.equal(video.muted, true);
  assert.ok(video.srcObject, 'preview shows the local stream');
  getByRole(doc, 'meter', 'Microphone level');
  const cameraPicker = getByRole(doc, 'combobox', 'Camera device');
  assert.deepEqual(cameraPicker.children.map((o) => o.textContent), ['Front camera', 'Camera 2']);
  getByRole(doc, 'combobox', 'Microphone device');
  assert.equal(getAllByRole(doc, 'alert').length, 0);

  const mic = getByRole(doc, 'button', 'Microphone');
  const camera = getByRole(doc, 'button', 'Camera');
  assert.equal(mic.getAttribute('aria-pressed'), 'true');
  assert.equal(camera.getAttribute('aria-pressed'), 'true');
  mic.click();
  assert.equal(mic.getAttribute('aria-pressed'), 'false');
  const audio = devices.issued.find((t) => t.kind === 'audio');
  assert.equal(audio.enabled, false);
  camera.click();
  assert.equal(camera.getAttribute('aria-pressed'), 'false');
  assert.match(doc.documentElement.textContent, /Camera off/); // avatar placeholder

  // Switching camera swaps the track.
  cameraPicker.value = 'video-2';
  cameraPicker.dispatchEvent(fakeEvent('change'));
  await waitFor(() => devices.issued.find((t) => t.deviceId === 'video-1').readyState === 'ended', 'the first camera released');
  const second = devices.issued.find((t) => t.deviceId === 'video-2');
  assert.equal(second.readyState, 'live');
  assert.equal(second.enabled, false, 'the new camera keeps the Camera toggle off');
  assert.equal(FakeWebSocket.all.length, 0, 'no socket before Join call');
});

test('customer call: status texts, chat, screen share, leave and rejoin', async () => {
  const { doc, win, devices } = await openPage({ dataset: { state: 'open', party: 'customer' } });
  await waitFor(() => devices.issued.length === 2, 'camera and microphone');
  const ws = await joinCall(doc, { peer: false });
  assert.equal(ws.url, 'wss://bank.test/rooms/b-1/signal?token=tok');
  assert.equal(heading(doc), 'Video call');
  await waitFor(() => statusText(doc) === 'Waiting for the agent', 'waiting status');

  ws.serverSend({ type: 'peer-joined' });
  const pc = FakePC.all.at(-1);
  assert.equal(win.videoRoom.pc, pc);
  assert.deepEqual(pc.config.iceServers, [{ urls: ['stun:stun.bank.test'] }]);
  assert.equal(pc.config.iceTransportPolicy, 'all');
  assert.deepEqual(ws.sentOfType('state').at(-1), { type: 'state', muted: false, cameraOff: false, sharing: false });
  await waitFor(() => statusText(doc) === 'Connecting…', 'connecting status');
  pc.connect();
  assert.equal(statusText(doc), 'Connected');
  assert.equal(win.videoRoom.state.status, 'status.connected');

  // The customer (polite) leaves the first offer to the agent and answers it over the socket.
  await pc.onnegotiationneeded();
  assert.equal(ws.sentOfType('signal').filter((m) => m.description).length, 0);
  ws.serverSend({ type: 'signal', description: { type: 'offer', sdp: 'remote-offer' } });
  await waitFor(() => ws.sentOfType('signal').at(-1)?.description?.type === 'answer', 'answer sent');

  // Remote media lands in the big video.
  pc.ontrack({ track: { kind: 'video' }, streams: [] });
  const remote = getByRole(doc, 'video', 'Remote video');
  assert.ok(remote.srcObject);
  assert.equal(remote.hasAttribute('muted'), false);

  ws.serverSend({ type: 'state', muted: true, cameraOff: false, sharing: false });
  assert.equal(statusText(doc), 'The agent is muted');
  ws.serverSend({ type: 'state', muted: false, cameraOff: true, sharing: false });
  assert.equal(statusText(doc), 'The agent turned the camera off');
  ws.serverSend({ type: 'state', muted: false, cameraOff: false, sharing: false });
  assert.equal(statusText(doc), 'Connected');

  // Own toggles send state.
  getByRole(doc, 'button', 'Microphone').click();
  assert.deepEqual(ws.sentOfType('state').at(-1), { type: 'state', muted: true, cameraOff: false, sharing: false });
  assert.equal(getByRole(doc, 'button', 'Microphone').getAttribute('aria-pressed'), 'false');

  // Chat both ways.
  const log = getByRole(doc, 'log', 'Chat messages');
  ws.serverSend({ type: 'chat', text: 'Hello, how can I help?', at: '2026-05-12T10:31:00Z' });
  assert.match(log.textContent, /Agent/);
  assert.match(log.textContent, /Hello, how can I help\?/);
  const box = getByRole(doc, 'textbox', 'Message');
  box.value = '   I would like to ask about my card.  ';
  getByRole(doc, 'button', 'Send').click();
  assert.deepEqual(ws.sentOfType('chat').at(-1), { type: 'chat', text: 'I would like to ask about my card.' });
  assert.match(log.textContent, /You/);
  assert.equal(box.value, '');
  box.value = '    ';
  getByRole(doc, 'button', 'Send').click();
  assert.equal(ws.sentOfType('chat').length, 1, 'blank messages are not sent');

  // Screen share replaces the outgoing video track and returns to the camera when the browser ends it.
  const camera = pc.videoSender().track;
  const share = getByRole(doc, 'button', 'Share screen');
  assert.equal(share.getAttribute('aria-pressed'), 'false');
  share.click();
  await waitFor(() => share.getAttribute('aria-pressed') === 'true', 'sharing');
  await waitFor(() => pc.videoSender().track === devices.screen, 'the screen track on the sender');
  assert.equal(ws.sentOfType('state').at(-1).sharing, true);
  devices.screen.endByBrowser();
  await waitFor(() => pc.videoSender().track === camera, 'the camera back on the sender');
  assert.equal(share.getAttribute('aria-pressed'), 'false');

  // Peer drops, comes back, then leaves for good.
  ws.serverSend({ type: 'peer-left', reason: 'disconnected' });
  assert.equal(statusText(doc), 'Reconnecting…');
  assert.equal(remote.srcObject, null);
  assert.equal(pc.closed, true);
  ws.serverSend({ type: 'signal', description: { type: 'offer', sdp: 'x' } }); // no pc: dropped quietly
  ws.serverSend({ type: 'peer-joined' });
  assert.notEqual(FakePC.all.at(-1), pc);
  ws.serverSend({ type: 'peer-left', reason: 'left' });
  assert.equal(statusText(doc), 'The other party left');
  ws.serverSend({ type: 'error', reason: 'rate-limited' }); // logged, no crash

  // Leave call: leave message, socket closed normally, tracks stopped, calm view with Rejoin.
  getByRole(doc, 'button', 'Leave call').click();
  assert.deepEqual(ws.sent.at(-1), { type: 'leave' });
  assert.equal(ws.closedWith, 1000);
  assert.ok(devices.issued.every((t) => t.readyState === 'ended'));
  assert.equal(heading(doc), 'You left the call');
  assert.equal(doc.activeElement, doc.getElementById('page-heading'));
  ws.serverClose(1000);
  assert.equal(FakeWebSocket.all.length, 1, 'no reconnect after leaving');

  getByRole(doc, 'button', 'Rejoin').click();
  const again = await waitFor(() => FakeWebSocket.all[1], 'a new socket after Rejoin');
  assert.equal(again.url, ws.url);
  assert.equal(heading(doc), 'Video call');
  // Mute choice is kept across the rejoin.
  assert.equal(getByRole(doc, 'button', 'Microphone').getAttribute('aria-pressed'), 'false');
});

test('agent call (Arabic, RTL): customer panel from welcome, named chat lines', async () => {
  const { doc } = await openPage({ lang: 'ar', dataset: { state: 'open', party: 'agent' } });
  assert.equal(doc.documentElement.dir, 'rtl');
  await waitFor(() => getByRole(doc, 'button', 'الميكروفون'), 'Arabic toggles');
  const ws = await joinCall(doc, {
    party: 'agent',
    booking: { customerName: 'Fatima Al-Ali', attributes: { productLine: 'Post-paid' } },
  });
  assert.equal(FakePC.all.at(-1).config.iceTransportPolicy, 'all');
  const panel = getByRole(doc, 'heading', 'العميل');
  assert.ok(panel);
  const text = doc.documentElement.textContent;
  assert.match(text, /Fatima Al-Ali/);
  assert.match(text, /VIP-Video-Q/);
  assert.match(text, /productLine/);
  assert.match(text, /Post-paid/);
  assert.doesNotMatch(text, /[\u0660-\u0669]/, 'Latin digits only');
  FakePC.all.at(-1).connect();
  await waitFor(() => statusText(doc) === 'متصل', 'Arabic Connected');
  ws.serverSend({ type: 'state', muted: true, cameraOff: false, sharing: false });
  assert.equal(statusText(doc), 'صوت العميل مكتوم');
  ws.serverSend({ type: 'chat', text: 'مرحبا', at: '2026-05-12T10:31:00Z' });
  assert.match(getByRole(doc, 'log', 'رسائل المحادثة').textContent, /Fatima Al-Ali/);
  for (const name of ['الكاميرا', 'مشاركة الشاشة', 'مغادرة المكالمة', 'إرسال']) getByRole(doc, 'button', name);
});

test('permission denied: alert, receive-only join still works', async () => {
  const { doc } = await openPage({
    dataset: { state: 'open', party: 'customer' }, devices: fakeMediaDevices({ deny: true }), search: '?token=tok&transport=relay',
  });
  const alert = await waitFor(() => getByRole(doc, 'alert'), 'the alert');
  assert.match(alert.textContent, /not allowed to use your camera or microphone/);
  assert.match(alert.textContent, /still join to see and hear the other party/);
  assert.equal(getByRole(doc, 'button', 'Microphone').getAttribute('aria-pressed'), 'false');
  assert.equal(getByRole(doc, 'button', 'Camera').disabled, true);
  assert.equal(getAllByRole(doc, 'combobox').length, 0);
  const ws = await joinCall(doc);
  const pc = FakePC.all.at(-1);
  assert.equal(pc.config.iceTransportPolicy, 'relay');
  assert.equal(pc.senders.length, 2, 'sendrecv transceivers without tracks');
  assert.ok(pc.senders.every((s) => s.track === null));
  assert.deepEqual(ws.sentOfType('state').at(-1), { type: 'state', muted: true, cameraOff: true, sharing: false });
  // Sharing still works without a camera.
  getByRole(doc, 'button', 'Share screen').click();
  await waitFor(() => pc.videoSender().track?.deviceId === 'screen', 'screen on the empty sender');
});

test('no camera: microphone still works and the notice says so', async () => {
  const { doc } = await openPage({
    dataset: { state: 'open', party: 'customer' }, devices: fakeMediaDevices({ missing: ['video'] }),
  });
  const alert = await waitFor(() => getByRole(doc, 'alert'), 'the alert');
  assert.match(alert.textContent, /hear you but not see you/);
  assert.equal(getByRole(doc, 'button', 'Microphone').getAttribute('aria-pressed'), 'true');
  assert.equal(getByRole(doc, 'button', 'Camera').getAttribute('aria-pressed'), 'false');
});

test('taken over: message, media stopped, no reconnect', async () => {
  const { doc, devices } = await openPage({ dataset: { state: 'open', party: 'customer' } });
  await waitFor(() => devices.issued.length === 2, 'media');
  const ws = await joinCall(doc);
  ws.serverSend({ type: 'taken-over' });
  ws.serverClose(4001);
  assert.equal(heading(doc), 'This call was opened in another window');
  assert.ok(devices.issued.every((t) => t.readyState === 'ended'));
  assert.equal(FakePC.all.at(-1).closed, true);
  await sleep(600);
  assert.equal(FakeWebSocket.all.length, 1);
  assert.equal(getAllByRole(doc, 'button').map((b) => nameOf(b, doc)).join(), 'Use this window instead');
});

test('refused (4003): the closed text, no reconnect; unexpected drops reconnect', async () => {
  const { doc } = await openPage({ dataset: { state: 'open', party: 'customer' } });
  const ws = await joinCall(doc);
  ws.serverClose(1006);
  await waitFor(() => statusText(doc) === 'Reconnecting…', 'reconnecting status');
  const next = await waitFor(() => FakeWebSocket.all[1], 'a reconnect', 2000);
  next.serverOpen();
  next.serverClose(4003);
  assert.equal(heading(doc), 'This video call has ended');
  await sleep(600);
  assert.equal(FakeWebSocket.all.length, 2);
});

test('a refused handshake (HTTP 410/404 before the upgrade) shows why instead of reconnecting forever', async () => {
  for (const [answer, expected] of [
    [{ status: 410, state: 'closed' }, 'This video call has ended'],
    [{ status: 410, state: 'cancelled' }, 'This video appointment was cancelled'],
    [{ status: 404, state: 'invalid' }, 'This link is not valid'],
  ]) {
    const { doc, pageFetches } = await openPage({ dataset: { state: 'open', party: 'customer' }, pageAnswer: answer });
    getByRole(doc, 'button', 'Join call').click();
    const ws = await waitFor(() => FakeWebSocket.all[0], 'the socket');
    ws.serverClose(1006); // never opened
    await waitFor(() => heading(doc) === expected, expected);
    assert.equal(pageFetches.length, 1);
    await sleep(600);
    assert.equal(FakeWebSocket.all.length, 1, 'the pending retry was cancelled');
  }
});

test('a failed handshake while the room is still open keeps retrying', async () => {
  const { doc, pageFetches } = await openPage({ dataset: { state: 'open', party: 'customer' } });
  getByRole(doc, 'button', 'Join call').click();
  const ws = await waitFor(() => FakeWebSocket.all[0], 'the socket');
  ws.serverClose(1006);
  await waitFor(() => FakeWebSocket.all.length === 2, 'a retry');
  assert.equal(pageFetches.length, 1);
  assert.equal(heading(doc), 'Video call');
});
