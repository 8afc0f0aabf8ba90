import { buildIfStale } from '../../scripts/build-if-stale.mjs';

export default function globalSetup() {
  buildIfStale();
}
