/** Strings of the organisation screens (namespace `org`). */
export const orgZh = {};
export const orgEn: typeof orgZh = {};
