/**
 * The Mantine theme. Colours follow the print design palette (/shared/design: 红 #B71C1C,
 * greys #4A4A4A / #6B6B6B) and are dark enough for WCAG AA text contrast (axe colour-contrast):
 * white on the red buttons ≥ 6:1, the red of light buttons and links ≥ 4.5:1, dimmed text ≥ 5:1.
 * Built per UI language: the close buttons of dialogs and drawers are named in that language.
 */
import { Autocomplete, ColorInput, Drawer, Menu, Modal, MultiSelect, Notification, Select, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const red: MantineColorsTuple = ['#fdecea', '#f9d4d0', '#f2a9a2', '#ea7b71', '#d94a3f', '#c62828', '#b71c1c', '#a31515', '#8e1010', '#7a0c0c'];
// Mantine's own shade 6 of these fails 4.5:1 as text on white: one step darker, same hues.
const green: MantineColorsTuple = ['#e8f5e9', '#c8e6c9', '#a5d6a7', '#81c784', '#4caf50', '#388e3c', '#2e7d32', '#27692b', '#1f5623', '#17421b'];
const orange: MantineColorsTuple = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#e8590c', '#b54708', '#9c3d07', '#833306', '#6a2905'];
const yellow: MantineColorsTuple = ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#c99400', '#8a6500', '#785800', '#664b00', '#543e00'];
const blue: MantineColorsTuple = ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#1c7ed6', '#1864ab', '#145591', '#104677', '#0c375d'];
const gray: MantineColorsTuple = ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#6b6b6b', '#5c5c5c', '#4a4a4a', '#212529'];

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5f5f5f', '--mantine-color-placeholder': '#6b6b6b' },
  dark: {},
});

export interface ThemeLabels {
  close: string;
  pickColour: string;
}

// A long option list scrolls in the listbox itself (the arrow keys of its combobox reach every
// option), not in a scroll area inside it that neither Tab nor the listbox role allow (axe
// scrollable-region-focusable, aria-required-children).
const listbox = { defaultProps: { withScrollArea: false }, styles: { options: { maxHeight: 220, overflowY: 'auto' as const } } };

export function makeTheme(labels: ThemeLabels) {
  const closeButtonProps = { 'aria-label': labels.close };
  return createTheme({
    primaryColor: 'red',
    primaryShade: 6,
    colors: { red, green, orange, yellow, blue, gray },
    fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
    defaultRadius: 'sm',
    components: {
      // A closed dropdown's listbox would stay in the page, labelled like its input (two matches
      // for one label for screen readers and tests): unmount it while closed.
      // Choosing the option already chosen keeps it (Mantine would clear the field: 健康状况 became
      // — by a second click); a field that may be empty says so with its clear button.
      Select: Select.extend({ ...listbox, defaultProps: { ...listbox.defaultProps, allowDeselect: false, comboboxProps: { keepMounted: false } } }),
      MultiSelect: MultiSelect.extend({ ...listbox, defaultProps: { ...listbox.defaultProps, comboboxProps: { keepMounted: false } } }),
      Autocomplete: Autocomplete.extend({ ...listbox, defaultProps: { ...listbox.defaultProps, comboboxProps: { keepMounted: false } } }),
      // The × of every dialog and drawer has a name (axe button-name).
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      ColorInput: ColorInput.extend({ defaultProps: { eyeDropperButtonProps: { 'aria-label': labels.pickColour, title: labels.pickColour } } }),
      // role=menu may hold only menu items: no presentational focus placeholder (axe
      // aria-required-children); the first item takes the focus instead.
      Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    },
  });
}
