/** Focus management: after a step changes, focus its heading so screen readers start there. */
export function focusHeading(root: ParentNode = document): void {
  requestAnimationFrame(() => {
    const el = root.querySelector<HTMLElement>('[data-autofocus], h1');
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus();
  });
}
