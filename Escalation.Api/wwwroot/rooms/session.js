// One stay in the call: signalling socket + (re)created peer connection + the call view.
// Ends on Leave call (onLeft), on "taken over" or on refusal (onEnded); never reconnects after those.
import { t } from '../lib/i18n.js';
import { createSignalling, signalUrl } from './signalling.js';
import { createCall } from './call.js';
import { showCallView } from './call-view.js';
import { renderCustomerPanel } from './agent-panel.js';

/**
 * startSession({ shell, page, where, media, onLeft, onEnded }) -> { pc, state }
 * page: readPage() result; where: readRoomLocation() result; media: a started LocalMedia.
 */
export function startSession({ shell, page, where, media, onLeft, onEnded }) {
  // Everything the status line depends on (see statusKey in states.js).
  const facts = {
    party: page.party, socket: 'connecting', peer: 'absent', media: 'idle',
    peerMuted: false, peerCameraOff: false, peerSharing: false,
  };
  let welcome = null;
  let call = null;
  let ended = false;

  const ui = showCallView(shell, { media, lang: page.lang, onLeave: leave, onChat: sendChat });
  shell.heading.focus(); // the Join button is gone: land on the new view's heading

  const signalling = createSignalling({
    url: signalUrl(location, where.bookingId, where.token),
    onMessage,
    onStatus: (status) => {
      facts.socket = status;
      refresh();
    },
    onEnd: (outcome) => end(outcome),
    onHandshakeFailed: () => checkRoom(),
  });

  const unsubscribe = media.subscribe((change) => {
    // Mute/camera toggles only flip track.enabled; a new track (screen share, device) is swapped in place.
    if (change.video) call?.replaceTrack('video', media.outgoingVideo);
    if (change.audio) call?.replaceTrack('audio', media.audio);
    ui.refreshLocal();
    sendState();
  });

  function refresh() {
    if (ended) return;
    ui.status.update(facts);
    const peerPicture = facts.peer === 'present' && facts.media === 'connected'
      && (!facts.peerCameraOff || facts.peerSharing);
    ui.setPeerVideo(peerPicture);
  }

  function resetPeerMedia() {
    facts.peerMuted = false;
    facts.peerCameraOff = false;
    facts.peerSharing = false;
  }

  function sendState() {
    signalling.send({ type: 'state', ...media.state });
  }

  function sendChat(text) {
    return signalling.send({ type: 'chat', text });
  }

  function peerName() {
    if (page.party === 'agent') return welcome?.booking?.customerName || t('chat.customer');
    return t('chat.agent');
  }

  function openCall() {
    closeCall();
    call = createCall({
      config: {
        iceServers: welcome?.iceServers ?? [],
        iceTransportPolicy: where.forceRelay ? 'relay' : 'all',
      },
      polite: welcome ? welcome.polite : page.party === 'customer',
      tracks: { audio: media.audio, video: media.outgoingVideo },
      stream: media.stream,
      send: (message) => signalling.send(message),
      onRemoteStream: (stream) => ui.setRemoteStream(stream),
      onMediaState: (state) => {
        facts.media = state;
        refresh();
      },
    });
    facts.media = 'connecting';
  }

  function closeCall() {
    if (call) call.close();
    call = null;
    facts.media = 'idle';
    ui.setRemoteStream(null);
  }

  function onMessage(msg) {
    if (ended) return;
    switch (msg.type) {
      case 'welcome':
        // (Re)connected: the server follows with peer-joined if the other party is there.
        welcome = msg;
        closeCall();
        facts.peer = 'absent';
        resetPeerMedia();
        if (msg.party === 'agent') renderCustomerPanel(ui.customerContainer, msg.booking, { lang: page.lang });
        break;
      case 'peer-joined':
        openCall();
        facts.peer = 'present';
        resetPeerMedia();
        sendState();
        break;
      case 'peer-left':
        closeCall();
        facts.peer = msg.reason === 'left' ? 'left' : 'disconnected';
        resetPeerMedia();
        break;
      case 'signal':
        // Without a peer connection there is nothing to apply the signal to: drop it.
        if (call) call.handleSignal(msg);
        return;
      case 'state':
        facts.peerMuted = msg.muted;
        facts.peerCameraOff = msg.cameraOff;
        facts.peerSharing = msg.sharing;
        break;
      case 'chat':
        ui.chat.addLine({ self: false, who: peerName(), at: msg.at, text: msg.text });
        return;
      case 'taken-over':
        end('taken-over');
        return;
      case 'error':
        console.info(`signalling: the server refused a message (${msg.reason})`);
        return;
      default:
        return;
    }
    refresh();
  }

  // The socket could not even open: ask the page URL (a read-only look-up) whether the room still exists
  // and is open. 404 -> the link is no longer valid, 410 -> cancelled or closed; otherwise keep retrying
  // (a network problem looks the same from here).
  let checking = false;
  async function checkRoom() {
    if (checking || ended) return;
    checking = true;
    try {
      const response = await fetch(location.href, { cache: 'no-store', credentials: 'same-origin' });
      if (ended) return;
      if (response.status === 404) end('invalid');
      else if (response.status === 410) end(/\sdata-state="cancelled"/.test(await response.text()) ? 'cancelled' : 'closed');
    } catch {
      // Offline or the server is restarting: the reconnect loop carries on.
    } finally {
      checking = false;
    }
  }

  function teardown() {
    ended = true;
    closeCall();
    unsubscribe();
    media.stop();
    ui.detach();
  }

  function leave() {
    if (ended) return;
    signalling.send({ type: 'leave' });
    signalling.close(1000);
    teardown();
    onLeft();
  }

  function end(outcome) {
    if (ended) return;
    signalling.close(1000);
    teardown();
    onEnded(outcome);
  }

  signalling.connect();
  refresh();

  return {
    get pc() {
      return call?.pc ?? null;
    },
    get state() {
      return { ...facts, status: ui.status.key, local: media.state, ended };
    },
  };
}
