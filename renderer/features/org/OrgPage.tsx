import { Box, Stack, Tabs, Title } from '@mantine/core';
import type { JSX } from 'react';
import { go } from '../../app/route';
import { useOrgT } from './common';
import { TownshipsTab } from './TownshipsTab';
import { VillagesTab } from './VillagesTab';
import { GroupsTab } from './GroupsTab';
import { UnitsTab } from './UnitsTab';
import { TeamsTab } from './TeamsTab';
import { CadresTab } from './CadresTab';

const TABS = ['townships', 'villages', 'groups', 'units', 'teams', 'cadres'] as const;
type Tab = (typeof TABS)[number];

const PANELS: Record<Tab, () => JSX.Element> = {
  townships: TownshipsTab,
  villages: VillagesTab,
  groups: GroupsTab,
  units: UnitsTab,
  teams: TeamsTab,
  cadres: CadresTab,
};

/** 组织机构: one tab per registry; the tab is part of the URL (#/org/<tab>). */
export function OrgPage({ tab }: { tab?: string }) {
  const { t } = useOrgT();
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'townships';
  const Panel = PANELS[current];
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      <Tabs value={current} onChange={(v) => v && go(`org/${v}`)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {/* Rendered outside Tabs.Panel on purpose: a panel is aria-labelledby its tab, and a tab
          name such as 驻村工作队 would then also match a form label such as 驻村. */}
      <Box key={current}>
        <Panel />
      </Box>
    </Stack>
  );
}
