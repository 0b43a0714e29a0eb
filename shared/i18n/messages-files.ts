/** Messages about reading and writing files (xlsx, csv): same shape as messages.ts. */
export const fileMessages = {
  'zh-CN': {} as Record<string, string>,
  en: {} as Record<string, string>,
};
