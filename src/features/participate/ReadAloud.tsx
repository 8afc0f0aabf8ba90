/** Read aloud, where the participant switched it on: the player's code loads only then. */
import { display } from '../../a11y/display';
import type { AudioRefs } from '../../shared/engagement';
import { lazy } from '../../ui/router';

const Player = lazy(() => import('./ReadAloudPlayer').then((m) => m.ReadAloudPlayer));

export function ReadAloud(props: { text: string; lang: string; audio?: AudioRefs }) {
  return display.value.readAloud ? <Player {...props} /> : null;
}
