import { z } from 'zod';

export const RedeemBody = z.strictObject({ code: z.string().min(1).max(200) });
export const RefreshBody = z.strictObject({ refreshToken: z.string().min(1).max(300) });

/** The open sign-in endpoints (under /api): the router mounts them, the OpenAPI document lists them. */
export const AUTH_OPERATIONS = [
  {
    path: '/auth/redeem',
    operationId: 'redeemInvitation',
    summary: 'Redeem a one-time invitation code for a 12-hour token and a refresh token (410 once used or expired)',
    body: RedeemBody,
    success: 200,
  },
  {
    path: '/auth/refresh',
    operationId: 'refreshToken',
    summary: 'Trade a refresh token for a new token and the next refresh token (an old one reused signs the family out)',
    body: RefreshBody,
    success: 200,
  },
  { path: '/auth/sign-out', operationId: 'signOut', summary: "End this device's refresh tokens", body: RefreshBody, success: 204 },
] as const;

export const AUTH_PATHS: readonly string[] = AUTH_OPERATIONS.map((operation) => operation.path);
