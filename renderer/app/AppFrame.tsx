import { Alert, AppShell, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { call } from '../api/client';
import { notifyError } from '../ui/notify';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '@shared/domain/app';
import { go, useRoute } from './route';
import { HomePage } from '../features/home/HomePage';
import { OrgPage } from '../features/org/OrgPage';
import { RosterSection } from '../features/roster/RosterPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ComingSoon } from '../features/placeholder/ComingSoon';
import { InspectionSection } from '../features/inspection/InspectionPage';
import { LedgerSection } from '../features/ledger/LedgerSection';
import { WallchartPage } from '../features/wallchart/WallchartPage';
import { AuditPage } from '../features/audit/AuditPage';

const SECTIONS = ['home', 'roster', 'wallcharts', 'inspections', 'ledger', 'submissions', 'org', 'audit', 'settings'] as const;
type Section = (typeof SECTIONS)[number];

export function AppFrame({ status, onStatusChange }: { status: AppStatus; onStatusChange: () => void }) {
  const { t } = useTranslation();
  const route = useRoute();
  const section: Section = (SECTIONS as readonly string[]).includes(route[0]) ? (route[0] as Section) : 'home';

  let page;
  if (section === 'home') page = <HomePage status={status} />;
  else if (section === 'roster') page = <RosterSection sub={route[1]} />;
  else if (section === 'org') page = <OrgPage tab={route[1]} />;
  else if (section === 'ledger') page = <LedgerSection route={route} />;
  else if (section === 'inspections') page = <InspectionSection sub={route[1]} id={route[2]} />;
  else if (section === 'wallcharts') page = <WallchartPage />;
  else if (section === 'audit') page = <AuditPage status={status} />;
  else if (section === 'settings') page = <SettingsPage status={status} onChange={onStatusChange} />;
  else page = <ComingSoon name={t(`nav.${section}`)} />;

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 190, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={4} c="red.9">
            {t('app.title')} · {status.county?.name}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('app.operatorIs', {
                name: status.session
                  ? t('auth.who', { name: status.session.name, role: t(`auth.roles.${status.session.role}`), township: status.session.townshipName ? ` · ${status.session.townshipName}` : '' })
                  : status.operator,
              })}
            </Text>
            {status.session && (
              <>
                <Button size="compact-sm" variant="subtle" onClick={() => void call('auth.lock', {}).then(onStatusChange, notifyError)}>
                  {t('auth.lock')}
                </Button>
                <Button size="compact-sm" variant="subtle" onClick={() => void call('auth.logout', {}).then(onStatusChange, notifyError)}>
                  {t('auth.logout')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.title')}>
        {SECTIONS.map((s) => (
          <NavLink key={s} href={`#/${s}`} label={t(`nav.${s}`)} active={s === section} onClick={(e) => (e.preventDefault(), go(s))} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {status.sample && (
          <Alert color="yellow" mb="md" variant="light">
            {t('app.sample')}
          </Alert>
        )}
        {page}
      </AppShell.Main>
    </AppShell>
  );
}
