/** The reference code as a QR code, drawn as one SVG path. The generator is import()ed on Done only,
 *  so it never weighs on the first load. */
import { useEffect, useState } from 'preact/hooks';

export function QrCode({ value, label }: { value: string; label: string }) {
  const [drawn, setDrawn] = useState<{ size: number; d: string } | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode-generator').then(({ default: qrcode }) => {
      const qr = qrcode(0, 'M');
      qr.addData(value, 'Alphanumeric');
      qr.make();
      const n = qr.getModuleCount();
      let d = '';
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
      if (live) setDrawn({ size: n + 8, d });
    });
    return () => {
      live = false;
    };
  }, [value]);
  if (!drawn) return null;
  return (
    <svg class="qr" viewBox={`0 0 ${drawn.size} ${drawn.size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={drawn.size} height={drawn.size} fill="#fff" />
      <path d={drawn.d} fill="#000" />
    </svg>
  );
}
