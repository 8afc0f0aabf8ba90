/** Where the pictograms and the demo's clips come from, and their licences: reachable from the picture picker. */
import { Page } from './ui';

export function StaffCredits() {
  return (
    <Page title="Picture and sound credits">
      <h2>OpenMoji</h2>
      <p>
        The pictograms offered in the builder, and the demo engagement's pictures, are from <a href="https://openmoji.org">OpenMoji</a>, the
        open-source emoji and icon project of HfG Schwäbisch Gmünd, by its designers and contributors. They are shared under the{' '}
        <a href="https://creativecommons.org/licenses/by-sa/4.0/">Creative Commons Attribution-ShareAlike 4.0 licence (CC BY-SA 4.0)</a>,
        taken unchanged from the npm package <code>openmoji</code>. A picture changed from one of them must be shared under the same
        licence.
      </p>
      <p>Participants see this credit on their credits page, linked from the start page.</p>
      <h2>Recorded clips</h2>
      <p>The demo's read-aloud clips were made with eSpeak NG.</p>
    </Page>
  );
}
