import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Autocomplete, MantineProvider, MultiSelect, Select, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import 'mantine-datatable/styles.css';
import './i18n';
import './app/app.css';
import { App } from './app/App';

const theme = createTheme({
  primaryColor: 'red',
  fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
  defaultRadius: 'sm',
  // A closed dropdown's listbox would stay in the page, labelled like its input (two matches
  // for one label for screen readers and tests): unmount it while closed.
  components: {
    Select: Select.extend({ defaultProps: { comboboxProps: { keepMounted: false } } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { comboboxProps: { keepMounted: false } } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { comboboxProps: { keepMounted: false } } }),
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <App />
    </MantineProvider>
  </StrictMode>,
);
