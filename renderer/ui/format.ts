/** The one date-and-time format of the screens (shared/rules/datetime.ts). */
export { dateTimeText } from '../../shared/rules/datetime';
