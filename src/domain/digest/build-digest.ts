// The digest model in one import for the use case; each builder lives in its own small file.
export { buildRepoDigest, byUrgency, type RepoDigestInput } from "./build-repo-digest.js";
export { buildOrgDigest, type OrgDigestOptions } from "./build-org-digest.js";
export type * from "./model.js";
