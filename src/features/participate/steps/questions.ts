/** About and the questions, in one chunk: import()ed when the participant presses Start, so the start page
 *  loads none of it (the service worker precaches every chunk, so this works offline as well). */
export { About } from './About';
export { Question } from './Question';
