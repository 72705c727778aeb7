// Perfect negotiation and track handling against a small fake RTCPeerConnection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modulePath } from './paths.mjs';
import { FakeSender } from './fake-media.mjs';

const { offerDecision, mediaState, createCall, FIRST_OFFER_WAIT_MS } = await import(modulePath('rooms/call.js'));

const settle = () => new Promise((resolve) => setImmediate(resolve));

class FakeStream {
  constructor(tracks = []) { this.tracks = [...tracks]; }
  getTracks() { return [...this.tracks]; }
  addTrack(track) { this.tracks.push(track); }
  removeTrack(track) { this.tracks = this.tracks.filter((x) => x !== track); }
}

class FakePC {
  constructor(config) {
    this.config = config;
    this.signalingState = 'stable';
    this.iceConnectionState = 'new';
    this.connectionState = 'new';
    this.localDescription = null;
    this.transceivers = [];
    this.candidates = [];
    this.failCandidates = false;
    this.rolledBack = 0;
  }
  addTrack(track, stream) {
    const sender = new FakeSender(track);
    this.transceivers.push({ how: 'addTrack', kind: track.kind, sender, streams: [stream] });
    return sender;
  }
  addTransceiver(kind, init) {
    const transceiver = { how: 'addTransceiver', kind, sender: new FakeSender(null), ...init };
    this.transceivers.push(transceiver);
    return transceiver;
  }
  async setLocalDescription() {
    await settle();
    const type = this.signalingState === 'have-remote-offer' ? 'answer' : 'offer';
    this.localDescription = { type, sdp: `sdp-${type}`, toJSON() { return { type, sdp: this.sdp }; } };
    this.signalingState = type === 'offer' ? 'have-local-offer' : 'stable';
  }
  async setRemoteDescription(description) {
    await settle();
    if (description.type === 'offer') {
      if (this.signalingState === 'have-local-offer') this.rolledBack += 1; // implicit rollback
      this.signalingState = 'have-remote-offer';
    } else if (description.type === 'answer') {
      if (this.signalingState !== 'have-local-offer') throw new Error('InvalidStateError');
      this.signalingState = 'stable';
    }
  }
  async addIceCandidate(candidate) {
    if (this.failCandidates) throw new Error('OperationError');
    this.candidates.push(candidate);
  }
  restartIce() { this.restarted = true; }
  close() { this.closedCalled = true; this.signalingState = 'closed'; }
  // test helpers
  setStates(ice, connection) {
    this.iceConnectionState = ice;
    this.connectionState = connection;
    this.oniceconnectionstatechange?.();
  }
}

const audioTrack = { kind: 'audio', id: 'a1' };
const videoTrack = { kind: 'video', id: 'v1' };

function makeCall({ polite, tracks = { audio: audioTrack, video: videoTrack } } = {}) {
  const sent = [];
  const remoteStreams = [];
  const states = [];
  const stream = new FakeStream(Object.values(tracks).filter(Boolean));
  const call = createCall({
    config: { iceServers: [], iceTransportPolicy: 'relay' },
    polite,
    tracks,
    stream,
    send: (m) => sent.push(m),
    onRemoteStream: (s) => remoteStreams.push(s),
    onMediaState: (s) => states.push(s),
    PeerConnection: FakePC,
    MediaStreamImpl: FakeStream,
  });
  return { call, pc: call.pc, sent, remoteStreams, states, stream };
}

test('offerDecision follows the W3C perfect negotiation example', () => {
  const base = { type: 'offer', makingOffer: false, signalingState: 'stable', isSettingRemoteAnswerPending: false };
  assert.deepEqual(offerDecision({ ...base, polite: false }), { collision: false, ignore: false });
  assert.deepEqual(offerDecision({ ...base, makingOffer: true, polite: false }), { collision: true, ignore: true });
  assert.deepEqual(offerDecision({ ...base, makingOffer: true, polite: true }), { collision: true, ignore: false });
  assert.deepEqual(offerDecision({ ...base, signalingState: 'have-local-offer', polite: false }), { collision: true, ignore: true });
  // An offer that arrives while our answer is being applied is not a collision.
  assert.deepEqual(offerDecision({ ...base, signalingState: 'have-local-offer', isSettingRemoteAnswerPending: true, polite: false }),
    { collision: false, ignore: false });
  // Answers never collide.
  assert.deepEqual(offerDecision({ ...base, type: 'answer', makingOffer: true, polite: false }), { collision: false, ignore: false });
});

test('mediaState collapses ICE and connection states', () => {
  assert.equal(mediaState({ iceConnectionState: 'connected', connectionState: 'connecting' }), 'connected');
  assert.equal(mediaState({ iceConnectionState: 'completed', connectionState: 'connected' }), 'connected');
  assert.equal(mediaState({ iceConnectionState: 'checking', connectionState: 'connected' }), 'connected');
  assert.equal(mediaState({ iceConnectionState: 'checking', connectionState: 'connecting' }), 'connecting');
  assert.equal(mediaState({ iceConnectionState: 'new', connectionState: 'new' }), 'connecting');
  assert.equal(mediaState({ iceConnectionState: 'disconnected', connectionState: 'disconnected' }), 'disconnected');
  assert.equal(mediaState({ iceConnectionState: 'failed', connectionState: 'failed' }), 'failed');
  assert.equal(mediaState({ iceConnectionState: 'closed', connectionState: 'closed' }), 'idle');
});

test('local tracks go in with addTrack; missing ones get sendrecv transceivers (receive-only, share later)', () => {
  const full = makeCall({ polite: true });
  assert.deepEqual(full.pc.transceivers.map((x) => [x.how, x.kind]), [['addTrack', 'audio'], ['addTrack', 'video']]);
  assert.equal(full.pc.config.iceTransportPolicy, 'relay');

  const none = makeCall({ polite: true, tracks: { audio: null, video: null } });
  assert.deepEqual(none.pc.transceivers.map((x) => [x.how, x.kind, x.direction]),
    [['addTransceiver', 'audio', 'sendrecv'], ['addTransceiver', 'video', 'sendrecv']]);
  assert.equal(none.pc.transceivers[1].streams.length, 1);
});

test('negotiationneeded sends an offer; the answer brings us back to stable', async () => {
  const { pc, sent, call } = makeCall({ polite: false });
  await pc.onnegotiationneeded();
  assert.deepEqual(sent, [{ type: 'signal', description: { type: 'offer', sdp: 'sdp-offer' } }]);
  await call.handleSignal({ description: { type: 'answer', sdp: 'remote-answer' } });
  assert.equal(pc.signalingState, 'stable');
});

test('polite side leaves the first offer to the other side, and offers itself if none comes', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { pc, sent } = makeCall({ polite: true });
  await pc.onnegotiationneeded();
  assert.equal(sent.filter((m) => m.description).length, 0);
  t.mock.timers.tick(FIRST_OFFER_WAIT_MS);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(sent.filter((m) => m.description).map((m) => m.description.type), ['offer']);
});

test('polite side yields on collision: rolls back, answers the remote offer', async () => {
  const { pc, sent, call } = makeCall({ polite: true });
  // The first offer came from the other side; now both renegotiate at once.
  await call.handleSignal({ description: { type: 'offer', sdp: 'first-offer' } });
  sent.length = 0;
  pc.rolledBack = 0;
  const making = pc.onnegotiationneeded(); // our offer is in flight
  await call.handleSignal({ description: { type: 'offer', sdp: 'remote-offer' } });
  await making;
  const descriptions = sent.filter((m) => m.description).map((m) => m.description.type);
  assert.deepEqual(descriptions, ['offer', 'answer']);
  assert.equal(pc.rolledBack, 1);
  assert.equal(pc.signalingState, 'stable');
});

test('impolite side ignores a colliding offer and the failing candidates that follow it', async (t) => {
  const warn = t.mock.method(console, 'warn', () => {});
  const { pc, sent, call } = makeCall({ polite: false });
  await pc.onnegotiationneeded(); // have-local-offer
  await call.handleSignal({ description: { type: 'offer', sdp: 'remote-offer' } });
  assert.equal(pc.signalingState, 'have-local-offer');
  assert.equal(sent.filter((m) => m.description?.type === 'answer').length, 0);
  pc.failCandidates = true;
  await call.handleSignal({ candidate: { candidate: 'candidate:x', sdpMid: '0', sdpMLineIndex: 0 } });
  assert.equal(warn.mock.callCount(), 0);
});

test('candidates are applied; unexpected candidate errors are reported quietly, not thrown', async (t) => {
  const warn = t.mock.method(console, 'warn', () => {});
  const { pc, call } = makeCall({ polite: true });
  await call.handleSignal({ candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } });
  assert.equal(pc.candidates.length, 1);
  pc.failCandidates = true;
  await call.handleSignal({ candidate: { candidate: 'candidate:2', sdpMid: '0', sdpMLineIndex: 0 } });
  assert.equal(warn.mock.callCount(), 1);
});

test('local ICE candidates are sent as JSON; end-of-candidates is not', () => {
  const { pc, sent } = makeCall({ polite: true });
  pc.onicecandidate({ candidate: { toJSON: () => ({ candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 }) } });
  pc.onicecandidate({ candidate: null });
  assert.deepEqual(sent, [{ type: 'signal', candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } }]);
});

test('remote tracks are collected in one stream, one track per kind', () => {
  const { pc, remoteStreams } = makeCall({ polite: true });
  const a = { kind: 'audio' };
  const v1 = { kind: 'video' };
  const v2 = { kind: 'video' };
  pc.ontrack({ track: a, streams: [] });
  pc.ontrack({ track: v1, streams: [] });
  pc.ontrack({ track: v2, streams: [] });
  const stream = remoteStreams.at(-1);
  assert.deepEqual(stream.getTracks(), [a, v2]);
  assert.ok(remoteStreams.every((s) => s === stream));
});

test('media state changes are reported once each; failure restarts ICE', () => {
  const { pc, states } = makeCall({ polite: true });
  pc.setStates('checking', 'connecting');
  pc.setStates('connected', 'connecting');
  pc.onconnectionstatechange();
  pc.setStates('connected', 'connected');
  pc.setStates('failed', 'failed');
  assert.deepEqual(states, ['connecting', 'connected', 'failed']);
  assert.equal(pc.restarted, true);
});

test('replaceTrack swaps the sender track (screen share, back to camera)', async () => {
  const { pc, call } = makeCall({ polite: true });
  const screen = { kind: 'video', id: 'screen' };
  await call.replaceTrack('video', screen);
  assert.equal(pc.transceivers[1].sender.track, screen);
  await call.replaceTrack('video', null);
  assert.equal(pc.transceivers[1].sender.track, null);
});

test('close() closes the pc, clears the remote picture and ignores later signals', async () => {
  const { pc, call, sent, remoteStreams } = makeCall({ polite: true });
  call.close();
  assert.equal(pc.closedCalled, true);
  assert.equal(remoteStreams.at(-1), null);
  assert.equal(call.closed, true);
  await call.handleSignal({ description: { type: 'offer', sdp: 'late' } });
  assert.equal(sent.length, 0);
  call.close(); // idempotent
});
