import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { orgAccess } from '../../platform/http/principal.ts';
import { Id } from '../../platform/http/schemas.ts';
import {
  acceptNda,
  createGroup,
  groups,
  members,
  overview,
  setGroupMembers,
  setHub,
  type SharingCtx,
} from './hub-service.ts';
import { dictionary, setDictionary } from './terms.ts';

const Params = z.strictObject({ orgId: Id });
const Group = z.object({ id: z.string(), name: z.string(), memberOrgIds: z.array(z.string()) });
const Term = z.strictObject({
  term: z.string().trim().min(2).max(200),
  category: z.enum(['org', 'customer']),
});
const tags = ['sharing'];

/** The hub, its members and sector groups; a member's NDA acceptance and its sanitization dictionary. */
export function hubRoutes(deps: Deps): FastifyPluginAsyncZod {
  const ctx = (req: FastifyRequest): SharingCtx => ({ deps, access: orgAccess(req), requestId: req.id });
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/sharing/overview',
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary:
            'This organization in attack-information sharing: as a hub, and as a member of hubs (its own standing only)',
          params: Params,
          response: {
            200: z.object({
              hub: z.object({ ndaVersion: z.string().nullable() }).nullable(),
              memberships: z.array(
                z.object({
                  hubOrgId: z.string(),
                  hubName: z.string(),
                  currentNdaVersion: z.string().nullable(),
                  acceptedNdaVersion: z.string().nullable(),
                  ndaAcceptedAt: z.string().nullable(),
                  named: z.boolean(),
                  active: z.boolean(),
                  groups: z.array(z.object({ id: z.string(), name: z.string() })),
                }),
              ),
            }),
          },
        },
      },
      async (req) => overview(ctx(req)),
    );

    app.put(
      '/api/orgs/:orgId/sharing/hub',
      {
        config: { permission: 'sharing.manage' },
        schema: {
          tags,
          summary: 'Set the hub’s current NDA version (members accept it before they report or read)',
          params: Params,
          body: z.strictObject({ ndaVersion: z.string().trim().min(1).max(50) }),
          response: { 200: z.object({ ndaVersion: z.string() }) },
        },
      },
      async (req) => setHub(ctx(req), req.body),
    );

    app.get(
      '/api/orgs/:orgId/sharing/members',
      {
        config: { permission: 'sharing.review' },
        schema: {
          tags,
          summary: 'The hub’s members with their NDA acceptance and sector groups (the hub only)',
          params: Params,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  orgId: z.string(),
                  name: z.string(),
                  slug: z.string(),
                  since: z.string().nullable(),
                  ndaVersion: z.string().nullable(),
                  ndaAcceptedAt: z.string().nullable(),
                  ndaCurrent: z.boolean(),
                  named: z.boolean(),
                  groupIds: z.array(z.string()),
                }),
              ),
            }),
          },
        },
      },
      async (req) => ({ items: await members(ctx(req)) }),
    );

    app.get(
      '/api/orgs/:orgId/sharing/groups',
      {
        config: { permission: 'sharing.review' },
        schema: {
          tags,
          summary: 'The hub’s sector groups and their members (the hub only)',
          params: Params,
          response: { 200: z.object({ items: z.array(Group) }) },
        },
      },
      async (req) => ({ items: await groups(ctx(req)) }),
    );

    app.post(
      '/api/orgs/:orgId/sharing/groups',
      {
        config: { permission: 'sharing.manage' },
        schema: {
          tags,
          summary: 'Create a sector group',
          params: Params,
          body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
          response: { 201: z.object({ group: Group }) },
        },
      },
      async (req, reply) => reply.status(201).send({ group: await createGroup(ctx(req), req.body) }),
    );

    app.put(
      '/api/orgs/:orgId/sharing/groups/:groupId/members',
      {
        config: { permission: 'sharing.manage' },
        schema: {
          tags,
          summary: 'Set the members of a sector group',
          params: z.strictObject({ orgId: Id, groupId: Id }),
          body: z.strictObject({ memberOrgIds: z.array(Id).max(10_000) }),
          response: { 200: z.object({ group: Group }) },
        },
      },
      async (req) => ({
        group: await setGroupMembers(ctx(req), { groupId: req.params.groupId, ...req.body }),
      }),
    );

    app.post(
      '/api/orgs/:orgId/sharing/hubs/:hubId/nda',
      {
        config: { permission: 'sharing.manage' },
        schema: {
          tags,
          summary:
            'Accept a hub’s NDA (the version read), and choose whether other members may see this organization’s name',
          params: z.strictObject({ orgId: Id, hubId: Id }),
          body: z.strictObject({ version: z.string().min(1).max(50), named: z.boolean().default(false) }),
          response: {
            200: z.object({
              hubOrgId: z.string(),
              version: z.string(),
              acceptedAt: z.string(),
              named: z.boolean(),
            }),
          },
        },
      },
      async (req) => acceptNda(ctx(req), { hubOrgId: req.params.hubId, ...req.body }),
    );

    app.get(
      '/api/orgs/:orgId/sharing/dictionary',
      {
        config: { permission: 'sharing.read' },
        schema: {
          tags,
          summary: 'This organization’s sanitization dictionary: its other names and customer names',
          params: Params,
          response: { 200: z.object({ terms: z.array(Term) }) },
        },
      },
      async (req) => dictionary(ctx(req)),
    );

    app.put(
      '/api/orgs/:orgId/sharing/dictionary',
      {
        config: { permission: 'sharing.manage' },
        schema: {
          tags,
          summary: 'Replace this organization’s sanitization dictionary',
          params: Params,
          body: z.strictObject({ terms: z.array(Term).max(1000) }),
          response: { 200: z.object({ terms: z.array(Term) }) },
        },
      },
      async (req) => setDictionary(ctx(req), req.body),
    );
  };
}
