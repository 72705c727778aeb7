// The in-call layout: status line, the other party's video (large), own picture-in-picture,
// controls bar, agent's customer panel and chat. DOM only; session.js drives it.
import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { t } from '../lib/i18n.js';
import { controlButton, mediaToggles, toggleButton, setPressed } from './controls.js';
import { createChat } from './chat.js';
import { createStatus } from './status.js';
import { localPreview } from './preview.js';

/**
 * showCallView(shell, { media, lang, onLeave, onChat }) -> view handle.
 * onChat(text) returns true when sent.
 */
export function showCallView(shell, { media, lang, onLeave, onChat }) {
  const { heading, view } = shell;
  heading.textContent = t('call.title');
  document.title = t('page.title');

  const statusEl = h('div', { class: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const status = createStatus(statusEl);

  const remote = h('video', { class: 'remote__video', autoplay: true, playsinline: true, 'aria-label': t('call.remoteVideo') });
  const remotePlaceholder = h('div', { class: 'remote__placeholder', 'aria-hidden': 'true' },
    h('span', { class: 'remote__avatar' }, icon('person')));
  const soundButton = h('button', { type: 'button', class: 'btn btn--primary remote__sound', hidden: true },
    icon('sound'), h('span', { text: t('call.playSound') }));
  const pip = localPreview({ label: t('call.localPreview'), className: 'preview preview--pip' });

  const playRemote = () => remote.play().then(() => { soundButton.hidden = true; }).catch((err) => {
    // Autoplay with sound can be refused; one click on the button is then enough.
    if (err?.name === 'NotAllowedError') soundButton.hidden = false;
  });
  soundButton.addEventListener('click', playRemote);

  const toggles = mediaToggles(media);
  const share = toggleButton({
    label: t('controls.shareScreen'), iconName: 'screen', pressed: false, kind: 'feature',
    onToggle: (on) => (on ? media.startShare() : media.stopShare()),
  });
  share.hidden = !media.canShareScreen; // phones have no screen sharing: no dead button
  const leave = controlButton({ label: t('controls.leave'), iconName: 'leave', mirror: true, variant: 'danger', onClick: onLeave });

  const customer = h('div', { class: 'call__customer', hidden: true });
  const chat = createChat({ lang, send: onChat });

  view.replaceChildren(h('div', { class: 'call' },
    h('div', { class: 'call__bar' }, heading, statusEl),
    h('div', { class: 'call__main' },
      h('div', { class: 'stage' },
        h('div', { class: 'remote' }, remote, remotePlaceholder, soundButton),
        pip.element),
      h('div', { class: 'controls controls--call', role: 'group', 'aria-label': t('controls.groupLabel') },
        toggles.mic, toggles.camera, share, leave)),
    h('div', { class: 'call__side' }, customer, chat.element)));
  view.dataset.view = 'call';

  const refreshLocal = () => {
    toggles.update();
    setPressed(share, Boolean(media.screen));
    pip.show(media);
  };
  refreshLocal();

  return {
    status,
    chat,
    customerContainer: customer,
    refreshLocal,
    /** null clears the picture (peer left / pc closed). */
    setRemoteStream(stream) {
      if (remote.srcObject === stream) return;
      remote.srcObject = stream;
      if (stream) playRemote();
      else soundButton.hidden = true;
    },
    /** Shows the avatar when there is no picture to look at (peer absent or camera off). */
    setPeerVideo(visible) {
      remotePlaceholder.hidden = visible;
    },
    detach() {
      remote.srcObject = null;
      pip.detach();
    },
  };
}
