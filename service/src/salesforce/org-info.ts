import type { Connection } from 'jsforce';
import { orgError } from './org-session.js';

export interface OrgUserInfo {
  orgId: string;
  userId: string;
  username: string;
}

export interface OrgLimit {
  max: number;
  remaining: number;
}

/** Who the session acts as (`/services/oauth2/userinfo`). */
export async function fetchUserInfo(conn: Connection): Promise<OrgUserInfo> {
  try {
    const info = await conn.request<{ organization_id: string; user_id: string; preferred_username: string }>('/services/oauth2/userinfo');
    return { orgId: info.organization_id, userId: info.user_id, username: info.preferred_username };
  } catch (error) {
    throw orgError(error);
  }
}

/** The org's API allowance left today (`/limits`): the service's own calls count against it. */
export async function fetchApiLimits(conn: Connection): Promise<{ dailyApiRequests: OrgLimit }> {
  try {
    const limits = await conn.limits();
    const daily = limits.DailyApiRequests;
    if (!daily) throw new Error('the org reported no DailyApiRequests limit');
    return { dailyApiRequests: { max: daily.Max, remaining: daily.Remaining } };
  } catch (error) {
    throw orgError(error);
  }
}
