/** Accounts and roles (账号与权限). */
export const ROLES = ['admin', 'township', 'readonly'] as const;
export type Role = (typeof ROLES)[number];

export interface AccountOut {
  id: string;
  login: string;
  name: string;
  role: Role;
  townshipId: string | null;
  townshipName: string | null;
  active: boolean;
}

/** Who is signed in, as the screens see it. */
export interface SessionOut {
  login: string;
  name: string;
  role: Role;
  townshipId: string | null;
  townshipName: string | null;
}

export const PASSWORD_MIN = 8;
export const DEFAULT_IDLE_MINUTES = 15;
/** Wrong passwords allowed before each further try must wait. */
export const FREE_TRIES = 5;
