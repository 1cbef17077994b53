/**
 * Runs a DOM update inside `root` and puts the focus back where it was when the update moved the
 * focused element (a card that changed column), so keyboard users do not lose their place.
 */
export function keepFocus(root: HTMLElement, update: () => void): void {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && root.contains(active) ? active : undefined;
  update();
  if (inside?.isConnected && document.activeElement !== inside) inside.focus({ preventScroll: false });
}
