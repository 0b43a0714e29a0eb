import { TextInput, type TextInputProps } from '@mantine/core';

/** An amount typed in 元 (up to 2 decimals); the form converts it to integer 分 with parseYuanToFen. */
export function MoneyInput(props: TextInputProps) {
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      maxLength={16}
      rightSection="元"
      rightSectionPointerEvents="none"
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      {...props}
    />
  );
}
