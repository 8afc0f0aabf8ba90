/** Every staff screen at a phone width (320 px), where no page may scroll sideways; the 1366 px walk is in staff-screens-1. */
import { staffWalkTest } from './staff-walk';

staffWalkTest(320, 'axe finds nothing on any staff screen at 320 px, and no page scrolls sideways');
