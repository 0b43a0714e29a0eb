/** 督查考核: what other parts of the app (home page, CLI, seed) use. */
export { latestRanking, roundResults, raiseFinding } from './results-service';
export { listRounds, findRound, createRound, saveSheet, getSheet, finishRound } from './round-service';
export { listTemplates } from './template-service';
