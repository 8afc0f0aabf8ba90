/** Focus management: after a step changes, focus its heading so screen readers start there. */
export function focusHeading(root: ParentNode = document): void {
  requestAnimationFrame(() => focusHeadingNow(root));
}

/** The same at once: from a layout effect, so focus is there before the person's next key press. */
export function focusHeadingNow(root: ParentNode = document): void {
  const el = root.querySelector<HTMLElement>('[data-autofocus], h1');
  if (!el) return;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
}
