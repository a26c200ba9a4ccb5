import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { directoryFromBranch, parseDependabotBranch } from "../../src/domain/recognition/dependabot-branch.js";
import {
  ecosystemFromDependabotSegment,
  ecosystemFromRenovateDatasource,
  ecosystemFromRenovateDepType,
  ecosystemFromRenovateBranch,
} from "../../src/domain/recognition/ecosystem.js";
import { ecosystemFromPackageName, ecosystemsFromLinks } from "../../src/domain/recognition/ecosystem-links.js";
import { readRenovateTopic } from "../../src/domain/recognition/renovate-topic.js";

const ecosystemFromRenovateTopic = (topic: string): string | null => readRenovateTopic(topic).ecosystem;

describe("ecosystem from Dependabot's branch segment", () => {
  const table: Array<[string, string | null]> = [
    ["npm_and_yarn", "npm"],
    ["bun", "npm"],
    ["pip", "pip"],
    ["uv", "pip"],
    ["bundler", "bundler"],
    ["maven", "maven"],
    ["gradle", "gradle"],
    ["go_modules", "gomod"],
    ["cargo", "cargo"],
    ["composer", "composer"],
    ["nuget", "nuget"],
    ["docker", "docker"],
    ["docker_compose", "docker"],
    ["github_actions", "github-actions"],
    ["terraform", "terraform"],
    ["submodules", "gitsubmodule"],
    ["hex", "hex"],
    ["pub", "pub"],
    ["swift", "swift"],
    ["elm", "elm"],
    ["helm", "helm"],
    ["devcontainers", "devcontainers"],
    ["dotnet_sdk", "dotnet-sdk"],
    ["NPM_AND_YARN", "npm"],
    ["", null],
    ["../etc", null],
  ];
  for (const [segment, expected] of table) {
    it(`"${segment}" → ${String(expected)}`, () => assert.equal(ecosystemFromDependabotSegment(segment), expected));
  }
});

describe("ecosystem from Renovate's words", () => {
  it("maps datasources", () => {
    assert.equal(ecosystemFromRenovateDatasource("npm"), "npm");
    assert.equal(ecosystemFromRenovateDatasource("pypi"), "pip");
    assert.equal(ecosystemFromRenovateDatasource("rubygems"), "bundler");
    assert.equal(ecosystemFromRenovateDatasource("go"), "gomod");
    assert.equal(ecosystemFromRenovateDatasource("crate"), "cargo");
    assert.equal(ecosystemFromRenovateDatasource("packagist"), "composer");
    assert.equal(ecosystemFromRenovateDatasource("docker"), "docker");
    assert.equal(ecosystemFromRenovateDatasource("terraform-provider"), "terraform");
    assert.equal(ecosystemFromRenovateDatasource("gradle-version"), "gradle");
    assert.equal(ecosystemFromRenovateDatasource("github-tags"), null);
    assert.equal(ecosystemFromRenovateDatasource("git-refs"), null);
  });
  it("maps commit topics", () => {
    assert.equal(ecosystemFromRenovateTopic("module github.com/x/y"), "gomod");
    assert.equal(ecosystemFromRenovateTopic("Rust crate serde"), "cargo");
    assert.equal(ecosystemFromRenovateTopic("node Docker tag"), "docker");
    assert.equal(ecosystemFromRenovateTopic("node:20-alpine Docker"), "docker");
    assert.equal(ecosystemFromRenovateTopic("actions/checkout action"), "github-actions");
    assert.equal(ecosystemFromRenovateTopic("Helm release cert-manager"), "helm");
    assert.equal(ecosystemFromRenovateTopic("Terraform aws"), "terraform");
    assert.equal(ecosystemFromRenovateTopic("dependency lodash"), null);
    assert.equal(ecosystemFromRenovateTopic("plugin com.example.gradle"), "gradle");
    assert.equal(ecosystemFromRenovateTopic("helm chart ingress-nginx"), "helm");
    assert.equal(ecosystemFromRenovateTopic("go toolchain directive"), "gomod");
  });
  it("reads registry links, package-name shapes and branch prefixes", () => {
    assert.deepEqual(ecosystemsFromLinks("[Serilog](https://www.nuget.org/packages/Serilog) [x](https://crates.io/crates/x)"), ["nuget", "cargo"]);
    assert.deepEqual(ecosystemsFromLinks("[aws](https://registry.terraform.io/providers/hashicorp/aws)"), ["terraform"]);
    assert.equal(ecosystemFromPackageName("org.apache.commons:commons-lang3"), "maven");
    assert.equal(ecosystemFromPackageName("github.com/stretchr/testify"), "gomod");
    assert.equal(ecosystemFromPackageName("golang.org/x/net"), "gomod");
    assert.equal(ecosystemFromPackageName("ghcr.io/owner/image"), "docker");
    assert.equal(ecosystemFromPackageName("laravel/framework"), null);
    assert.equal(ecosystemFromRenovateBranch("renovate/cargo-serde-1.x"), "cargo");
    assert.equal(ecosystemFromRenovateBranch("renovate/github.com-stretchr-testify-1.x"), "gomod");
    assert.equal(ecosystemFromRenovateBranch("renovate/lodash-4.x"), null);
  });
  it("maps only unambiguous dependency types", () => {
    assert.equal(ecosystemFromRenovateDepType("action"), "github-actions");
    assert.equal(ecosystemFromRenovateDepType("require-dev"), "composer");
    assert.equal(ecosystemFromRenovateDepType("workspace.dependencies"), "cargo");
    assert.equal(ecosystemFromRenovateDepType("dependencies"), null);
    // go.mod's and Composer's "require" are told apart by the name.
    assert.equal(ecosystemFromRenovateDepType("require", "github.com/spf13/cobra"), "gomod");
    assert.equal(ecosystemFromRenovateDepType("require", "laravel/framework"), "composer");
    assert.equal(ecosystemFromRenovateDepType("require"), null);
  });
});

describe("Dependabot branches", () => {
  it("splits the package manager from the rest", () => {
    assert.deepEqual(parseDependabotBranch("dependabot/npm_and_yarn/frontend/lodash-4.17.21"), { segment: "npm_and_yarn", rest: "frontend/lodash-4.17.21" });
    assert.deepEqual(parseDependabotBranch("dependabot-npm_and_yarn-lodash-4.17.21"), { segment: "npm_and_yarn", rest: "lodash/4.17.21" });
    assert.deepEqual(parseDependabotBranch("dependabot_go_modules_golang.org/x/net-0.23.0"), { segment: "go_modules", rest: "golang.org/x/net-0.23.0" });
    assert.equal(parseDependabotBranch("feature/dependabot"), null);
    assert.equal(parseDependabotBranch("dependabot/"), null);
  });
  it("finds the directory before the dependency name", () => {
    assert.equal(directoryFromBranch("dependabot/cargo/regex-1.9.6", ["regex"]), "/");
    assert.equal(directoryFromBranch("dependabot/npm_and_yarn/theme/static_src/shell-quote-1.8.3", ["shell-quote"]), "/theme/static_src");
    assert.equal(directoryFromBranch("dependabot/npm_and_yarn/web/types/node-20.1.0", ["@types/node"]), "/web");
    assert.equal(directoryFromBranch("dependabot/maven/org.springframework-spring-core-6.0.0", ["org.springframework:spring-core"]), "/");
    assert.equal(directoryFromBranch("dependabot/nuget/api/main/coffee-rails", ["coffee-rails"]), "/api/main");
    assert.equal(directoryFromBranch("dependabot/npm_and_yarn/all-minor-patch-ad6d00fecf", ["all-minor-patch"]), "/");
  });
  // dependabot/fetch-metadata src/dependabot/update_metadata.test.ts (branchNameToDirectoryName)
  it("reads several dependencies joined by and, and hyphen-separated branches", () => {
    assert.equal(directoryFromBranch("dependabot/nuget/api/main/coffee-rails/and/coffeescript", ["coffee-rails", "coffeescript"]), "/api/main");
    assert.equal(directoryFromBranch("dependabot/npm_and_yarn/web/a-and-b-2.0.0", ["a", "b"]), "/web");
    assert.equal(directoryFromBranch("dependabot-npm_and_yarn-fsevents-1.2.13", ["fsevents"]), "/");
    assert.equal(directoryFromBranch("dependabot-npm_and_yarn-nested-nested-fsevents-1.2.13", ["fsevents"]), "/nested/nested");
    assert.equal(directoryFromBranch("dependabot-composer-composer-composer-2.6.5", ["composer/composer"]), "/");
    assert.equal(directoryFromBranch("dependabot-npm_and_yarn-twilio-video-and-types-twilio-video-2.28.1", ["twilio-video", "@types/twilio-video"]), "/");
    assert.equal(directoryFromBranch("dependabot/nuget/api/rails/coffee", ["rails/coffee"]), "/api");
  });
  it("gives up when the branch does not end with the name", () => {
    assert.equal(directoryFromBranch("dependabot/cargo/regex-1.9.6", ["serde"]), null);
    assert.equal(directoryFromBranch("renovate/regex-1.x", ["regex"]), null);
    assert.equal(directoryFromBranch("dependabot/cargo/regex-1.9.6", [""]), null);
  });
});
