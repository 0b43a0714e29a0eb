/** Pieces shared by the 督查考核 screens. */
import { useTranslation } from 'react-i18next';
import { TARGET_TYPE_NAMES } from '@shared/domain/inspection';

export function useInspT() {
  const { t, i18n } = useTranslation('inspection');
  /** A target type's name: the built-in ones translated, an office's own as typed. */
  const typeName = (type: string) => (type in TARGET_TYPE_NAMES ? t(`types.${type}`) : type);
  return { t, typeName, lang: i18n.language };
}

/** Splits "王五、赵六, 孙七" into names. */
export const splitNames = (s: string) =>
  s
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
