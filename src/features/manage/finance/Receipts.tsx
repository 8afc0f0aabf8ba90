/**
 * The receipt photos of a claim, opened on the server for finance (each load is an audited read, never
 * cached). Each has alt text naming its line, and a link to open it full size.
 */
import { useState } from 'preact/hooks';
import { type ClaimDetail, pounds } from './data';

type Line = ClaimDetail['lines'][number];

function Receipt({ claimId, line }: { claimId: string; line: Line }) {
  const [failed, setFailed] = useState(false);
  const src = `/api/finance/claims/${encodeURIComponent(claimId)}/lines/${line.idx}/receipt`;
  const what = `line ${line.idx + 1}, ${line.category.replace(/_/g, ' ')}, ${pounds(line.amountPence)}`;
  return (
    <figure class="receipt" data-testid={`receipt-${line.idx}`}>
      {failed ? (
        <p role="alert">The receipt for {what} could not be shown: it was changed after it arrived, or it is not an image.</p>
      ) : (
        <img src={src} alt={`Receipt for ${what}`} loading="lazy" onError={() => setFailed(true)} />
      )}
      <figcaption>
        <a href={src} target="_blank" rel="noopener">
          Open the receipt for line {line.idx + 1} full size (opens in a new tab)
        </a>
      </figcaption>
    </figure>
  );
}

export function Receipts({ claimId, lines }: { claimId: string; lines: Line[] }) {
  const withReceipt = lines.filter((l) => l.hasReceipt);
  if (withReceipt.length === 0) return null;
  return (
    <>
      <h2>Receipts</h2>
      <div class="receipts">
        {withReceipt.map((l) => (
          <Receipt key={l.idx} claimId={claimId} line={l} />
        ))}
      </div>
    </>
  );
}
