/** Every step after Start, in one chunk: import()ed while the participant is on Start, so the first
 *  load stays small and the next step is ready before anyone presses Start. */
export { About } from './About';
export { Check } from './Check';
export { ClaimAsk, ClaimStep } from './Claim';
export { Contact } from './Contact';
export { Done } from './Done';
export { Monitoring } from './Monitoring';
export { Question } from './Question';
