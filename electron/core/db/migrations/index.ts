import { m0001 } from './0001-divisions';
import { m0002 } from './0002-org-units';
import { m0003 } from './0003-roster';
import { m0004 } from './0004-code-lists';
import { m0005 } from './0005-quality';
import { m0006 } from './0006-roster-order';
import { m0007 } from './0007-roster-sort-key';
import { m0008 } from './0008-wallchart';
import { m0009 } from './0009-inspection';
import { m0010 } from './0010-ledger';
import { m0011 } from './0011-group-order';
import { m0012 } from './0012-status-kind';
import { m0013 } from './0013-value-map';
import { m0014 } from './0014-poverty-line-2018';
import { m0015 } from './0015-accounts';
import { m0016 } from './0016-audit-log';

/** Every migration, in order. A shipped migration is never edited: add a new one. */
export const migrations = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014, m0015, m0016];
export const LATEST_VERSION = migrations[migrations.length - 1].version;
