// The Probot application function: wiring only. Handlers are built from the dependencies handed in.
import type { ApplicationFunction } from "probot";
import { healthRoutes, type ReadinessProbe } from "./http/health-routes.js";
import { malformedWebhookGuard } from "./http/malformed-webhook-guard.js";
import { checkSuiteRequestedHandler } from "./handlers/check-suite-handler.js";
import { dependabotAlertHandler } from "./handlers/dependabot-alert-handler.js";
import { PULL_REQUEST_EVENTS, pullRequestHandler, type HandlerDeps } from "./handlers/pull-request-handler.js";
import { repositoryRenamedHandler } from "./handlers/repository-renamed-handler.js";
import { issueCommentHandler } from "./handlers/issue-comment-handler.js";
import { checkRunActionHandler, ciCompletedHandler } from "./handlers/check-run-handlers.js";
import { statusHandler } from "./handlers/status-handler.js";
import { PULL_REQUEST_REVIEW_EVENTS, pullRequestReviewHandler } from "./handlers/pull-request-review-handler.js";
import type { PrStateStore } from "./store/pr-state-store.js";
import type { AlertStore } from "./store/alert-store.js";
import { installationHandler, installationRepositoriesHandler } from "./handlers/installation-handlers.js";
import { whereInstalled } from "./handlers/where-installed.js";
import { bindWebhookLog } from "./handlers/bind-webhook-log.js";

export interface AppDeps extends HandlerDeps {
  readiness: ReadinessProbe;
  alerts: AlertStore;
  prStates: PrStateStore;
  appId: number | null;
  webhookPath: string;
}

export function createAppFn(deps: AppDeps): ApplicationFunction {
  return (app, { addHandler }) => {
    addHandler(healthRoutes(deps.readiness));
    // Added handlers run before Probot's webhook middleware.
    addHandler(malformedWebhookGuard(deps.webhookPath, app.webhooks, app.log));
    app.on([...PULL_REQUEST_EVENTS], bindWebhookLog(pullRequestHandler(deps)));
    app.on([...PULL_REQUEST_REVIEW_EVENTS], bindWebhookLog(pullRequestReviewHandler(deps)));
    app.on("repository.renamed", bindWebhookLog(whereInstalled(deps.lifecycle, repositoryRenamedHandler(deps.store))));
    app.on("check_suite.requested", bindWebhookLog(checkSuiteRequestedHandler(deps.queue)));
    app.on("dependabot_alert", bindWebhookLog(whereInstalled(deps.lifecycle, dependabotAlertHandler(deps))));
    app.on("issue_comment.created", bindWebhookLog(issueCommentHandler(deps)));
    app.on("check_run.requested_action", bindWebhookLog(checkRunActionHandler(deps)));
    app.on(["check_suite.completed", "check_run.completed", "check_run.created"], bindWebhookLog(ciCompletedHandler(deps)));
    app.on("status", bindWebhookLog(statusHandler(deps)));
    app.on("installation", bindWebhookLog(installationHandler(deps)));
    app.on("installation_repositories", bindWebhookLog(installationRepositoriesHandler(deps)));
  };
}
