// One RTCPeerConnection with "perfect negotiation" (W3C WebRTC spec, section 10.7 example):
// both sides may offer at any time; the polite side yields on collision, the impolite side ignores.
// The RTCPeerConnection constructor is injectable so the negotiation logic runs under Node tests.

/**
 * The perfect-negotiation decision for an incoming description.
 * Returns { collision, ignore }: ignore means "impolite side, colliding offer: drop it".
 */
export function offerDecision({ type, makingOffer, signalingState, isSettingRemoteAnswerPending, polite }) {
  const readyForOffer = !makingOffer && (signalingState === 'stable' || isSettingRemoteAnswerPending);
  const collision = type === 'offer' && !readyForOffer;
  return { collision, ignore: !polite && collision };
}

/** Collapses ICE/connection states into what the status line needs. */
export function mediaState({ iceConnectionState, connectionState }) {
  if (iceConnectionState === 'connected' || iceConnectionState === 'completed' || connectionState === 'connected') {
    return 'connected';
  }
  if (connectionState === 'closed' || iceConnectionState === 'closed') return 'idle';
  if (connectionState === 'failed' || iceConnectionState === 'failed') return 'failed';
  if (connectionState === 'disconnected' || iceConnectionState === 'disconnected') return 'disconnected';
  return 'connecting';
}

/**
 * Creates the peer connection and wires negotiation.
 * - config: RTCConfiguration (iceServers, iceTransportPolicy)
 * - polite: from the server's welcome
 * - tracks: { audio, video } local tracks or null (receive-only); stream: local MediaStream for msid
 * - send(message): hands a { type: 'signal', … } message to signalling
 * - onRemoteStream(stream|null), onMediaState(state)
 */
/** How long the polite side waits for the impolite side's first offer before it offers itself. */
export const FIRST_OFFER_WAIT_MS = 3000;

export function createCall({
  config, polite, tracks, stream, send, onRemoteStream = () => {}, onMediaState = () => {},
  PeerConnection = globalThis.RTCPeerConnection, MediaStreamImpl = globalThis.MediaStream,
}) {
  const pc = new PeerConnection(config);
  let makingOffer = false;
  let ignoreOffer = false;
  let isSettingRemoteAnswerPending = false;
  let closed = false;
  const senders = {};

  // A track we have goes in with addTrack: those transceivers can be reused when the other side's
  // offer wins the collision, so the call keeps just one audio and one video m-line.
  // Without a track we still add a sendrecv transceiver (null track): we can receive, and a later
  // screen share can replaceTrack() into it without renegotiating.
  for (const kind of ['audio', 'video']) {
    const track = tracks?.[kind] ?? null;
    senders[kind] = track
      ? (stream ? pc.addTrack(track, stream) : pc.addTrack(track))
      : pc.addTransceiver(kind, { direction: 'sendrecv', streams: stream ? [stream] : [] }).sender;
  }

  // Our own remote stream, one track per kind: works whether or not the peer's tracks carry a stream id.
  const remote = MediaStreamImpl ? new MediaStreamImpl() : null;
  pc.ontrack = ({ track }) => {
    if (closed || !remote) return;
    for (const old of remote.getTracks()) {
      if (old.kind === track.kind && old !== track) remote.removeTrack(old);
    }
    if (!remote.getTracks().includes(track)) remote.addTrack(track);
    onRemoteStream(remote);
  };

  const sendDescription = () => {
    const { type, sdp } = pc.localDescription;
    send({ type: 'signal', description: { type, sdp } });
  };

  // The polite side leaves the first offer to the impolite one. Both offering at once is legal under perfect
  // negotiation, but Chromium then rolls the polite side's offer back while its candidates are still being gathered
  // and gathers none for its answer: the call stayed at ICE "new" in about one join in five. If no offer comes in time
  // (the other page is older, or lost it), the polite side offers after all.
  let awaitingFirstOffer = polite;
  let firstOfferTimer = polite
    ? setTimeout(() => {
      firstOfferTimer = null;
      if (awaitingFirstOffer && !closed) {
        awaitingFirstOffer = false;
        negotiate();
      }
    }, FIRST_OFFER_WAIT_MS)
    : null;

  const negotiate = async () => {
    if (awaitingFirstOffer) return;
    try {
      makingOffer = true;
      await pc.setLocalDescription();
      if (!closed) sendDescription();
    } catch (err) {
      console.warn('call: could not create an offer', err);
    } finally {
      makingOffer = false;
    }
  };
  pc.onnegotiationneeded = negotiate;

  pc.onicecandidate = ({ candidate }) => {
    // The end-of-candidates null is not sent: the protocol carries real candidates only.
    if (candidate && !closed) send({ type: 'signal', candidate: candidate.toJSON ? candidate.toJSON() : candidate });
  };

  let lastState = '';
  const reportState = () => {
    if (closed) return;
    const state = mediaState(pc);
    if (state === 'failed' && lastState !== 'failed' && typeof pc.restartIce === 'function') {
      // New ICE credentials; perfect negotiation carries the restart offer.
      pc.restartIce();
    }
    if (state !== lastState) {
      lastState = state;
      onMediaState(state);
    }
  };
  pc.oniceconnectionstatechange = reportState;
  pc.onconnectionstatechange = reportState;

  /** A relayed { description } or { candidate } from the peer. */
  async function handleSignal({ description, candidate }) {
    if (closed) return;
    try {
      if (description) {
        const decision = offerDecision({
          type: description.type, makingOffer, signalingState: pc.signalingState, isSettingRemoteAnswerPending, polite,
        });
        ignoreOffer = decision.ignore;
        if (ignoreOffer) return;
        if (description.type === 'offer') stopAwaitingFirstOffer();
        isSettingRemoteAnswerPending = description.type === 'answer';
        await pc.setRemoteDescription(description); // implicitly rolls back our own offer on collision
        isSettingRemoteAnswerPending = false;
        if (description.type === 'offer' && !closed) {
          await pc.setLocalDescription();
          if (!closed) sendDescription();
        }
      } else if (candidate) {
        try {
          await pc.addIceCandidate(candidate);
        } catch (err) {
          // Candidates for an offer we ignored are expected to fail.
          if (!ignoreOffer) throw err;
        }
      }
    } catch (err) {
      isSettingRemoteAnswerPending = false;
      console.warn('call: signal could not be applied', err);
    }
  }

  /** Swaps the outgoing track of a kind (device switch, mute never calls this, screen share does). */
  async function replaceTrack(kind, track) {
    const sender = senders[kind];
    if (!sender || closed) return;
    try {
      await sender.replaceTrack(track ?? null);
    } catch (err) {
      console.warn(`call: could not replace the ${kind} track`, err);
    }
  }

  function stopAwaitingFirstOffer() {
    awaitingFirstOffer = false;
    if (firstOfferTimer !== null) clearTimeout(firstOfferTimer);
    firstOfferTimer = null;
  }

  function close() {
    if (closed) return;
    closed = true;
    stopAwaitingFirstOffer();
    pc.ontrack = null;
    pc.onnegotiationneeded = null;
    pc.onicecandidate = null;
    pc.oniceconnectionstatechange = null;
    pc.onconnectionstatechange = null;
    pc.close(); // local tracks are not stopped: the next call reuses them
    onRemoteStream(null);
  }

  return { pc, handleSignal, replaceTrack, close, get closed() { return closed; } };
}
