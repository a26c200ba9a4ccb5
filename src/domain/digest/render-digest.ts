// The digest renderers in one import for the use case; each section renderer lives in its own small file.
export { renderRepoDigest, repoDigestTitle, type RepoDigestRenderOptions } from "./render-repo-digest.js";
export { renderOrgDigest, orgDigestTitle, type OrgDigestRenderOptions } from "./render-org-digest.js";
export { renderAllClear, renderSuperseded } from "./render-closing.js";
