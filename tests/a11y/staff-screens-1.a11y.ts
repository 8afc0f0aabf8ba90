/** Every staff screen at a desktop width (1366 px); the 320 px walk is in staff-screens-2, so the two workers share it. */
import { staffWalkTest } from './staff-walk';

staffWalkTest(1366, 'axe finds nothing on any staff screen at 1366 px');
