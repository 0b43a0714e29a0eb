/** English twin of locales.ts: the same keys (the type makes a missing one a compile error). */
import type { auditZh } from './locales';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const auditEn: Shape<typeof auditZh> = {
  title: 'Audit log',
  intro: 'Every addition, change and deletion made in the app is recorded here: who, when and what changed. Entries are chained and cannot be changed or deleted.',
  masked: 'ID and phone numbers masked',
  operatorNone: '(not recorded)',
  total: 'Entries: {{count}}',
  shown: '{{shown}} of {{count}} shown',
  loadMore: 'Load more',
  loading: 'Loading…',
  loadFailed: 'The change history could not be loaded',
  what: '{{action}} · {{type}}',
  household: '{{number}} ({{head}})',
  moreChanges: 'Show all {{count}}',
  fewerChanges: 'Show fewer',
  noChanges: '(no field changed)',
  history: {
    title: 'Change history',
    hint: 'Every change to this household, its members, income, measures and pairings',
    empty: 'No changes recorded for this household yet. Each change made to it in this app will be listed here.',
  },
  filter: {
    operator: 'Operator',
    group: 'Record type',
    from: 'From',
    to: 'To',
    township: 'Township',
    all: 'All',
    clear: 'Clear filters',
    fromAfterTo: 'The start date is after the end date',
  },
  col: {
    at: 'Time',
    operator: 'Operator',
    what: 'Action',
    township: 'Township',
    household: 'Household (head)',
    subject: 'About',
    changes: 'Changes',
  },
  tableLabel: 'Audit log',
  empty: 'The audit log has no entries yet',
  noMatch: 'No entries match the filters',
  rowHint: 'Click a row to see all its changes',
  export: {
    button: 'Export to Excel',
    title: 'Export the audit log',
    running: 'Exporting the audit log',
    done: '{{rows}} audit entries exported',
    doneMasked: '{{rows}} audit entries exported (ID and phone numbers masked)',
  },
  verify: {
    button: 'Verify the audit log',
    running: 'Verifying the audit log',
    title: 'Verification result',
  },
};
