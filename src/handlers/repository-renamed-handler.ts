import type { Context } from "probot";
import type { PullRequestStore } from "../store/pull-request-store.js";

/** Records are keyed by repo id; only the name index (for the CLI) follows a rename. */
export function repositoryRenamedHandler(store: PullRequestStore) {
  return async (context: Context<"repository.renamed">): Promise<void> => {
    const { repository, installation, changes } = context.payload;
    if (!installation) return;
    const previous = `${repository.owner.login}/${changes.repository.name.from}`;
    const location = { installationId: installation.id, repoId: repository.id };
    if (!(await store.findRepo(previous))) return;
    await store.nameRepo(repository.full_name, location, previous);
  };
}
