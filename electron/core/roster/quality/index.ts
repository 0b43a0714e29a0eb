/** The data-quality checks (疑点核查): county-wide run, stored results, one household's live flags. */
export { runChecks, checkSummary, checkResults, type RunOptions, type ResultQuery } from './run';
export { householdFlags } from './flags';
export { formatSummaryText } from './format';
