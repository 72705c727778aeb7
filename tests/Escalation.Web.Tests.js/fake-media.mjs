// Stand-ins for the browser's media, WebRTC and WebSocket objects used by the room smoke tests
// (the signalling tests share the socket, the call tests the sender).

let trackId = 0;

export class FakeTrack {
  constructor(kind, { deviceId = `${kind}-1`, label = '' } = {}) {
    trackId += 1;
    this.id = `${kind}-${trackId}`;
    this.kind = kind;
    this.enabled = true;
    this.readyState = 'live';
    this.deviceId = deviceId;
    this.label = label;
    this.listeners = {};
  }
  stop() { this.readyState = 'ended'; }
  getSettings() { return { deviceId: this.deviceId }; }
  addEventListener(type, fn) { (this.listeners[type] ??= []).push(fn); }
  removeEventListener(type, fn) { this.listeners[type] = (this.listeners[type] ?? []).filter((f) => f !== fn); }
  /** What the browser does when the user presses its own "Stop sharing". */
  endByBrowser() { this.readyState = 'ended'; for (const fn of this.listeners.ended ?? []) fn({ type: 'ended' }); }
}

export class FakeStream {
  constructor(tracks = []) { this.tracks = [...tracks]; }
  getTracks() { return [...this.tracks]; }
  getAudioTracks() { return this.tracks.filter((t) => t.kind === 'audio'); }
  getVideoTracks() { return this.tracks.filter((t) => t.kind === 'video'); }
  addTrack(track) { if (!this.tracks.includes(track)) this.tracks.push(track); }
  removeTrack(track) { this.tracks = this.tracks.filter((t) => t !== track); }
}

export function fakeMediaDevices({ deny = false, missing = [] } = {}) {
  const devices = {
    issued: [],
    getUserMedia: async (constraints) => {
      if (deny) throw Object.assign(new Error('denied'), { name: 'NotAllowedError' });
      const kinds = ['audio', 'video'].filter((k) => constraints[k]);
      if (kinds.some((k) => missing.includes(k))) throw Object.assign(new Error('none'), { name: 'NotFoundError' });
      const tracks = kinds.map((k) => new FakeTrack(k, { deviceId: constraints[k]?.deviceId?.exact ?? `${k}-1` }));
      devices.issued.push(...tracks);
      return new FakeStream(tracks);
    },
    getDisplayMedia: async () => {
      const screen = new FakeTrack('video', { deviceId: 'screen' });
      devices.screen = screen;
      return new FakeStream([screen]);
    },
    enumerateDevices: async () => [
      ...(missing.includes('video') ? [] : [
        { kind: 'videoinput', deviceId: 'video-1', label: 'Front camera' },
        { kind: 'videoinput', deviceId: 'video-2', label: '' },
      ]),
      ...(missing.includes('audio') ? [] : [{ kind: 'audioinput', deviceId: 'audio-1', label: 'Headset' }]),
    ],
  };
  return devices;
}

export class FakeSender {
  constructor(track) { this.track = track; }
  async replaceTrack(track) { this.track = track; }
}

export class FakePC {
  static all = [];
  constructor(config) {
    this.config = config;
    this.signalingState = 'stable';
    this.iceConnectionState = 'new';
    this.connectionState = 'new';
    this.localDescription = null;
    this.senders = [];
    this.candidates = [];
    this.closed = false;
    FakePC.all.push(this);
  }
  addTrack(track) { const s = new FakeSender(track); this.senders.push(s); return s; }
  addTransceiver(kind, init) { const s = new FakeSender(null); this.senders.push(s); return { kind, ...init, sender: s }; }
  async setLocalDescription() {
    const type = this.signalingState === 'have-remote-offer' ? 'answer' : 'offer';
    this.localDescription = { type, sdp: `sdp-${type}` };
    this.signalingState = type === 'offer' ? 'have-local-offer' : 'stable';
  }
  async setRemoteDescription(d) { this.signalingState = d.type === 'offer' ? 'have-remote-offer' : 'stable'; }
  async addIceCandidate(c) { this.candidates.push(c); }
  async getStats() { return new Map(); }
  restartIce() {}
  close() { this.closed = true; this.signalingState = 'closed'; }
  connect() {
    this.iceConnectionState = 'connected';
    this.connectionState = 'connected';
    this.oniceconnectionstatechange?.();
  }
  videoSender() { return this.senders[1]; }
}

export class FakeWebSocket {
  static all = [];
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    this.closedWith = null;
    FakeWebSocket.all.push(this);
  }
  send(data) { this.sent.push(JSON.parse(data)); }
  close(code) { this.closedWith = code; this.readyState = 3; }
  // helpers driving the client like a server would
  serverOpen() { this.readyState = 1; this.onopen?.({}); }
  serverSend(msg) { this.onmessage?.({ data: JSON.stringify(msg) }); }
  serverClose(code) { this.readyState = 3; this.onclose?.({ code }); }
  sentOfType(type) { return this.sent.filter((m) => m.type === type); }
}
