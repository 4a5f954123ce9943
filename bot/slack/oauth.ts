/**
 * Many workspaces: Bolt's OAuth installation flow (@slack/oauth's InstallProvider) with its installations kept
 * in the advisor's own database, either engine (`installations`). `GET /slack/install` sends an administrator
 * to Slack to approve the app (a state cookie guards the round trip), `GET /slack/oauth_redirect` receives the
 * code, exchanges it for the workspace's bot token and stores the installation. Every request is then
 * authorised by the installation of its workspace, and the bot answers there with that workspace's token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { webApi } from '@slack/bolt';
import {
  type Installation,
  type InstallationQuery,
  type InstallationStore,
  InstallProvider,
} from '@slack/oauth';
import type { AdvisorStore } from '../store/api.js';
import { boltLogger, type Logger } from './logger.js';

/** The scopes the app asks for at install: manifest.json's bot scopes (a test keeps the two the same). */
export const BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'commands',
  'im:history',
  'channels:history',
  'groups:history',
  'channels:read',
  'groups:read',
  'files:write',
  'im:write',
  'assistant:write',
  'users:read',
];

/** An installation's key: the organisation (`E…`) for an organisation-wide one, else the workspace (`T…`). */
export function installationKey(q: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string;
  teamId?: string;
}): string | undefined {
  if (q.isEnterpriseInstall && q.enterpriseId) return `E:${q.enterpriseId}`;
  if (q.teamId) return `T:${q.teamId}`;
  if (q.enterpriseId) return `E:${q.enterpriseId}`;
  return undefined;
}

/** Bolt's installation store on the advisor's database. */
export function databaseInstallationStore(store: AdvisorStore): InstallationStore {
  return {
    async storeInstallation(i) {
      const isOrg = i.isEnterpriseInstall === true;
      const key = installationKey({
        isEnterpriseInstall: isOrg,
        ...(i.enterprise?.id ? { enterpriseId: i.enterprise.id } : {}),
        ...(i.team?.id ? { teamId: i.team.id } : {}),
      });
      if (key === undefined) throw new Error('an installation without a team or an organisation');
      await store.saveInstallation({
        workspace: key,
        team_id: i.team?.id ?? null,
        enterprise_id: i.enterprise?.id ?? null,
        is_enterprise_install: isOrg ? 1 : 0,
        data: JSON.stringify(i),
        updated_at: new Date().toISOString(),
      });
    },
    async fetchInstallation(q: InstallationQuery<boolean>) {
      // an organisation-wide installation answers for every workspace of the organisation
      for (const key of [installationKey(q), q.enterpriseId ? `E:${q.enterpriseId}` : undefined]) {
        if (key === undefined) continue;
        const row = await store.findInstallation(key);
        if (row !== undefined) return JSON.parse(row.data) as Installation<'v2', boolean>;
      }
      throw new Error(`no installation for ${q.teamId ?? q.enterpriseId ?? 'this request'}`);
    },
    async deleteInstallation(q: InstallationQuery<boolean>) {
      const key = installationKey(q);
      if (key !== undefined) await store.deleteInstallation(key);
    },
  };
}

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Where Slack sends the administrator back (must be one of the app's redirect URLs). */
  redirectUri?: string | undefined;
}

export interface OAuth {
  installer: InstallProvider;
  /** `GET /slack/install` and `GET /slack/oauth_redirect`; false when the path is neither. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): boolean;
  /** The client that speaks for the bot in a workspace (its installation's token). */
  clientFor(team: string): Promise<webApi.WebClient>;
}

export function createOAuth(
  o: OAuthSettings & {
    store: AdvisorStore;
    apiUrl: string;
    log: Logger;
    clientOptions: webApi.WebClientOptions;
  },
): OAuth {
  const installUrlOptions = { scopes: BOT_SCOPES, ...(o.redirectUri ? { redirectUri: o.redirectUri } : {}) };
  const installer = new InstallProvider({
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    stateSecret: o.stateSecret,
    installationStore: databaseInstallationStore(o.store),
    // straight to Slack's approval page (no page of our own in between)
    directInstall: true,
    installUrlOptions,
    clientOptions: { slackApiUrl: o.apiUrl },
    logger: boltLogger(o.log, 'oauth'),
    authorizationUrl: new URL('../oauth/v2/authorize', o.apiUrl).toString(),
  });
  const clients = new Map<string, webApi.WebClient>();
  return {
    installer,
    handle(req, res, path) {
      if (req.method !== 'GET') return false;
      if (path === '/slack/install') {
        void installer.handleInstallPath(req, res, {}, installUrlOptions).catch((e: unknown) => {
          o.log.error({ error: (e as Error).message }, 'install link failed');
          if (!res.headersSent) res.writeHead(500).end();
        });
        return true;
      }
      if (path === '/slack/oauth_redirect') {
        void installer
          .handleCallback(req, res, {
            success: (i, _opts, _req, r) => {
              o.log.info({ team: i.team?.id, enterprise: i.enterprise?.id }, 'app installed');
              r.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
              r.end('The supplier-security advisor is installed. You can close this page.');
            },
            failure: (e, _opts, _req, r) => {
              o.log.warn({ error: e.code ?? e.message }, 'installation refused');
              r.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
              r.end('The installation did not complete. Start again from the install link.');
            },
          })
          .catch(() => {
            if (!res.headersSent) res.writeHead(500).end();
          });
        return true;
      }
      return false;
    },
    async clientFor(team) {
      const auth = await installer.authorize({
        teamId: team,
        isEnterpriseInstall: false,
        enterpriseId: undefined,
      });
      const token = auth.botToken;
      if (token === undefined) throw new Error(`no bot token for ${team}`);
      let c = clients.get(token);
      if (c === undefined) {
        c = new webApi.WebClient(token, o.clientOptions);
        clients.set(token, c);
        if (clients.size > 1000) clients.delete(clients.keys().next().value as string);
      }
      return c;
    },
  };
}
