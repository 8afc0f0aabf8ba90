/** The inputs only some questions have, in their own chunk (step-chunks.ts loads it a question ahead). */
export { Priorities } from './Priorities';
export { Voice } from './Voice';
