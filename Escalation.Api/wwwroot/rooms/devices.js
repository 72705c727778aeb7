// Local media: camera/microphone capture, device switching, mute toggles, screen sharing and
// the pre-join microphone level meter. Browser APIs are looked up when called, never at import.
import { levelFromSamples, mediaErrorOutcome, mediaProblemKey } from './states.js';

const VIDEO_QUALITY = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } };

function constraintsFor(kind, deviceId) {
  if (kind === 'audio') {
    return deviceId ? { deviceId: { exact: deviceId }, echoCancellation: true, noiseSuppression: true } : {
      echoCancellation: true, noiseSuppression: true,
    };
  }
  return deviceId ? { ...VIDEO_QUALITY, deviceId: { exact: deviceId } } : { ...VIDEO_QUALITY };
}

/**
 * Camera + microphone + optional screen for one visit.
 * `state` is what the peer is told: { muted, cameraOff, sharing }.
 * subscribe(fn) is called with { audio?: true, video?: true } when an outgoing track changes,
 * and with {} for toggle-only changes.
 */
export class LocalMedia {
  constructor({ micOn = true, camOn = true } = {}) {
    this.devices = globalThis.navigator?.mediaDevices;
    this.stream = new MediaStream();
    this.audio = null;
    this.camera = null;
    this.screen = null;
    this.micOn = micOn;
    this.camOn = camOn;
    this.problem = null; // i18n key of the pre-join notice, or null
    this.listeners = new Set();
  }

  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(change = {}) {
    for (const fn of this.listeners) fn(change);
  }

  get canShareScreen() {
    return typeof this.devices?.getDisplayMedia === 'function';
  }

  /** Camera, or the screen while sharing: what the video sender carries. */
  get outgoingVideo() {
    return this.screen ?? this.camera;
  }

  get state() {
    return {
      muted: !this.audio || !this.micOn,
      cameraOff: !this.camera || !this.camOn,
      sharing: Boolean(this.screen),
    };
  }

  /**
   * Asks for camera and microphone together (one permission prompt). If that fails for a reason
   * other than a refusal, tries each alone so a missing camera does not cost the microphone.
   */
  async start({ audioId = '', videoId = '' } = {}) {
    if (typeof this.devices?.getUserMedia !== 'function') {
      this.problem = mediaProblemKey({ audio: 'unavailable', video: 'unavailable' });
      return this;
    }
    let outcome;
    try {
      const got = await this.devices.getUserMedia({
        audio: constraintsFor('audio', audioId), video: constraintsFor('video', videoId),
      });
      this.adopt(got);
      outcome = { audio: 'ok', video: 'ok' };
    } catch (err) {
      const both = mediaErrorOutcome(err);
      if (both === 'denied') {
        outcome = { audio: 'denied', video: 'denied' };
      } else {
        outcome = {
          audio: await this.tryOne('audio', audioId),
          video: await this.tryOne('video', videoId),
        };
      }
    }
    this.problem = mediaProblemKey(outcome);
    return this;
  }

  async tryOne(kind, deviceId) {
    try {
      this.adopt(await this.devices.getUserMedia({ [kind]: constraintsFor(kind, deviceId) }));
      return 'ok';
    } catch (err) {
      return mediaErrorOutcome(err);
    }
  }

  adopt(got) {
    for (const track of got.getTracks()) this.setTrack(track.kind, track);
  }

  setTrack(kind, track) {
    const field = kind === 'audio' ? 'audio' : 'camera';
    const old = this[field];
    if (old) {
      this.stream.removeTrack(old);
      old.stop();
    }
    this[field] = track;
    if (track) {
      track.enabled = kind === 'audio' ? this.micOn : this.camOn;
      this.stream.addTrack(track);
    }
  }

  setMic(on) {
    this.micOn = Boolean(on);
    if (this.audio) this.audio.enabled = this.micOn; // the sender stays; the peer hears silence
    this.emit({});
  }

  setCamera(on) {
    this.camOn = Boolean(on);
    if (this.camera) this.camera.enabled = this.camOn; // black frames, no renegotiation
    this.emit({});
  }

  /** Switches to another camera or microphone; keeps the old one if the new one cannot start. */
  async useDevice(kind, deviceId) {
    const current = kind === 'audio' ? this.audio : this.camera;
    if (!this.devices || current?.getSettings?.().deviceId === deviceId) return true;
    const open = async () => {
      const got = await this.devices.getUserMedia({ [kind]: constraintsFor(kind, deviceId) });
      return (kind === 'audio' ? got.getAudioTracks() : got.getVideoTracks())[0] ?? null;
    };
    let track = null;
    try {
      track = await open();
    } catch (err) {
      // Many phones cannot open a second camera while the first runs: release it and try once more.
      if (current && mediaErrorOutcome(err) === 'busy') {
        current.stop();
        track = await open().catch(() => null);
        if (!track) this.setTrack(kind, null);
      } else {
        console.warn(`devices: could not switch ${kind}`, err);
      }
    }
    if (track) this.setTrack(kind, track);
    if (track || (current && current.readyState === 'ended')) this.emit({ [kind === 'audio' ? 'audio' : 'video']: true });
    return Boolean(track);
  }

  /** Starts sharing the screen; resolves false if the visitor cancelled the browser's picker. */
  async startShare() {
    if (!this.canShareScreen || this.screen) return Boolean(this.screen);
    try {
      const display = await this.devices.getDisplayMedia({ video: true });
      const [track] = display.getVideoTracks();
      if (!track) return false;
      // The browser's own "Stop sharing" ends the track: go back to the camera then too.
      track.addEventListener('ended', () => this.stopShare());
      this.screen = track;
      this.emit({ video: true });
      return true;
    } catch (err) {
      if (err?.name !== 'NotAllowedError') console.warn('devices: screen sharing failed', err);
      return false;
    }
  }

  stopShare() {
    if (!this.screen) return;
    const track = this.screen;
    this.screen = null;
    track.stop();
    this.emit({ video: true });
  }

  /** Stops every track (leave, taken over). The object cannot be used afterwards. */
  stop() {
    for (const track of [this.audio, this.camera, this.screen]) track?.stop();
    this.audio = null;
    this.camera = null;
    this.screen = null;
    this.stream = new MediaStream();
    this.listeners.clear();
  }
}

/** Lists cameras and microphones. Labels are empty before permission; callers number them instead. */
export async function listDevices() {
  const md = globalThis.navigator?.mediaDevices;
  if (typeof md?.enumerateDevices !== 'function') return { cameras: [], microphones: [] };
  try {
    const all = await md.enumerateDevices();
    const pick = (kind) => all.filter((d) => d.kind === kind && d.deviceId);
    return { cameras: pick('videoinput'), microphones: pick('audioinput') };
  } catch {
    return { cameras: [], microphones: [] };
  }
}

/**
 * Feeds onLevel(0..1) about ten times a second from the track through an AnalyserNode.
 * Returns { stop }. Audio contexts may start suspended (autoplay policy): resumed on first interaction.
 */
export function startLevelMeter(track, onLevel) {
  const Ctx = globalThis.AudioContext ?? globalThis.webkitAudioContext;
  if (!Ctx || !track) return { stop() {} };
  let context;
  try {
    context = new Ctx();
  } catch {
    return { stop() {} };
  }
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let frame = 0;
  let last = 0;
  let stopped = false;

  const tick = (now) => {
    if (stopped) return;
    if (now - last >= 100) {
      last = now;
      analyser.getFloatTimeDomainData(samples);
      onLevel(track.enabled && track.readyState === 'live' ? levelFromSamples(samples) : 0);
    }
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);

  const resume = () => context.resume().catch(() => {});
  resume();
  document.addEventListener('pointerdown', resume, { once: true });
  document.addEventListener('keydown', resume, { once: true });

  return {
    stop() {
      stopped = true;
      cancelAnimationFrame(frame);
      document.removeEventListener('pointerdown', resume);
      document.removeEventListener('keydown', resume);
      source.disconnect();
      context.close().catch(() => {});
      onLevel(0);
    },
  };
}
