/** Every step after the questions, in one chunk: import()ed when the participant reaches the last question
 *  (or a restored draft starts past it), so neither the start page nor question 1 loads it. The exact
 *  rate-card check (valibot) comes with these steps, off the first load. */
export { LaterStep } from './LaterStep';
