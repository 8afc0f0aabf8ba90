/** Five faces for the faces scale: drawn, not emoji, so they look the same on every device. */
const MOUTHS = ['M9 23 Q16 15 23 23', 'M10 22 Q16 18 22 22', 'M10 21 L22 21', 'M10 19 Q16 24 22 19', 'M9 18 Q16 27 23 18'];

export function Face({ value }: { value: number }) {
  return (
    <svg class="face" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="14" fill="none" stroke="currentColor" stroke-width="2" />
      <circle cx="11" cy="12" r="1.8" fill="currentColor" />
      <circle cx="21" cy="12" r="1.8" fill="currentColor" />
      <path d={MOUTHS[value - 1]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}
