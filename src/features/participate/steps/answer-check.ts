/** The opener's own check of one answer, import()ed on Continue so question pages load no schema up front. */
import { AnswerSchema } from '../../../shared/bundle';
import { problemPaths } from '../../../shared/issues';

export const answerRefused = (answer: unknown): boolean => problemPaths(AnswerSchema, answer).length > 0;
