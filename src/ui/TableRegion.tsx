/**
 * A table that may be wider than the screen scrolls inside its own box, never the whole page (WCAG 1.4.10
 * reflow). While it is wider than its box, the box is a named region a keyboard can reach and scroll
 * (WCAG 2.1.1); while it fits, it is a plain box, so a page of small tables is not a page of tab stops.
 */
import type { ComponentChildren, TableHTMLAttributes } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { addStyles } from './styles';
import tableRegionCss from './table-region.css?url';

void addStyles(tableRegionCss);

type TableProps = Omit<TableHTMLAttributes<HTMLTableElement>, 'label'>;

export function TableRegion({
  caption,
  label,
  children,
  ...table
}: TableProps & {
  /** shown above the table and names the region */
  caption?: ComponentChildren;
  /** names the region when the table has no caption (a heading above it says what it is) */
  label?: string;
  children: ComponentChildren;
}) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);
  // measured after every render, before anything else runs, so the region is right as soon as rows arrive
  useLayoutEffect(() => {
    const el = box.current;
    if (el) setWide(el.scrollWidth > el.clientWidth);
  });
  // and again when the screen or the text size changes
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const watch = new ResizeObserver(() => setWide(el.scrollWidth > el.clientWidth));
    watch.observe(el);
    if (el.firstElementChild) watch.observe(el.firstElementChild);
    return () => watch.disconnect();
  }, []);
  const named = caption ? { 'aria-labelledby': id } : { 'aria-label': label };
  return (
    <div ref={box} class="table-region" {...(wide ? { role: 'region', tabIndex: 0, ...named } : {})}>
      <table {...table}>
        {caption && <caption id={id}>{caption}</caption>}
        {children}
      </table>
    </div>
  );
}
