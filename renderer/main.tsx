import { StrictMode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import 'mantine-datatable/styles.css';
import './i18n';
import './app/app.css';
import { App } from './app/App';
import { cssVariablesResolver, makeTheme } from './app/theme';

/** The theme follows the UI language (names of the dialogs' close buttons). */
function Root() {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => makeTheme({ close: t('common.close'), pickColour: t('common.pickColour') }), [t, i18n.language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <App />
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
