/** The 整改台账 section: the ledger (views as sub-routes, items at ledger/item/<id>) and the monthly breakdown. */
import { Stack, Tabs, Title } from '@mantine/core';
import { LEDGER_VIEWS, type LedgerView } from '@shared/domain/ledger';
import { go } from '../../app/route';
import { useLedgerT } from './common';
import { LedgerPage } from './LedgerPage';
import { MonthlyPage } from './MonthlyPage';

export function LedgerSection({ route }: { route: string[] }) {
  const { t } = useLedgerT();
  const sub = route[1];
  const tab = sub === 'monthly' ? 'monthly' : 'items';
  const view: LedgerView = (LEDGER_VIEWS as readonly string[]).includes(sub) ? (sub as LedgerView) : 'all';
  const itemId = sub === 'item' ? route[2] : undefined;
  return (
    <Stack gap="sm">
      <Title order={3}>{t('title')}</Title>
      <Tabs value={tab} onChange={(v) => go(v === 'monthly' ? 'ledger/monthly' : 'ledger')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="items">{t('tabs.items')}</Tabs.Tab>
          <Tabs.Tab value="monthly">{t('tabs.monthly')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="items" pt="sm">
          <LedgerPage view={view} itemId={itemId} />
        </Tabs.Panel>
        <Tabs.Panel value="monthly" pt="sm">
          <MonthlyPage />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
