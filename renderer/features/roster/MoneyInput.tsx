import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An amount typed in 元 (up to 2 decimals); the form converts it to integer 分 with parseYuanToFen. */
export function MoneyInput(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      maxLength={16}
      rightSection={
        <Text size="sm" c="dimmed">
          {t('common.yuan')}
        </Text>
      }
      rightSectionWidth={44}
      rightSectionPointerEvents="none"
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      {...props}
    />
  );
}
