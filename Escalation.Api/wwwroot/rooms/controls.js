// Call control buttons: real <button>s with an icon and a visible text label (the accessible name).
// Toggles use aria-pressed ("true" = on/sending); the icon is crossed out when off, so the
// state never depends on colour alone.
import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { t } from '../lib/i18n.js';

/** A plain control: icon + label. variant: 'default' | 'danger'. */
export function controlButton({ label, iconName, mirror = false, variant = 'default', onClick }) {
  return h('button', { type: 'button', class: `control control--${variant}`, onclick: onClick },
    h('span', { class: 'control__icon' }, icon(iconName, { mirror })),
    h('span', { class: 'control__label', text: label }));
}

/**
 * A toggle: both icons are present and CSS shows the one matching aria-pressed.
 * kind 'device' (Microphone, Camera): "off" is the exception, drawn crossed out and in the danger colour.
 * kind 'feature' (Share screen): "on" is the exception, drawn filled with the accent colour.
 */
export function toggleButton({ label, iconName, pressed = true, kind = 'device', onToggle }) {
  const button = h('button', {
    type: 'button', class: `control control--toggle control--${kind}`, 'aria-pressed': String(pressed),
  },
    h('span', { class: 'control__icon control__icon--on' }, icon(iconName)),
    h('span', { class: 'control__icon control__icon--off' }, icon(iconName, { off: kind === 'device' })),
    h('span', { class: 'control__label', text: label }));
  button.addEventListener('click', () => onToggle(button.getAttribute('aria-pressed') !== 'true'));
  return button;
}

export function setPressed(button, pressed, { disabled = false } = {}) {
  button.setAttribute('aria-pressed', String(Boolean(pressed)));
  button.disabled = Boolean(disabled);
}

/** Microphone and Camera toggles bound to a LocalMedia; `update()` re-reads its state. */
export function mediaToggles(media) {
  const mic = toggleButton({
    label: t('controls.microphone'), iconName: 'mic', pressed: !media.state.muted,
    onToggle: (on) => media.setMic(on),
  });
  const camera = toggleButton({
    label: t('controls.camera'), iconName: 'camera', pressed: !media.state.cameraOff,
    onToggle: (on) => media.setCamera(on),
  });
  const update = () => {
    // Without a device there is nothing to switch on: the button stays visible, off and disabled.
    setPressed(mic, Boolean(media.audio) && media.micOn, { disabled: !media.audio });
    setPressed(camera, Boolean(media.camera) && media.camOn, { disabled: !media.camera });
  };
  update();
  return { mic, camera, update };
}
