package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser against the deployed EAR: dev sign-in, deliveries arriving, detail, replay
 * of DEAD deliveries (one, and all of a filter), account linking through the provider stub, and a user
 * without the admin group seeing no admin data, the jobs (with a DEAD post replayed) and the installations of
 * the Integrations page seeded in the database, at desktop and phone width. Each page is saved as a screenshot under
 * {@code ear/target/screenshots/}. Skipped (not failed) only where Chromium is not installed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleBrowserIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONSOLE = Server.BASE + "/console/";

    private ChromeDriver browser;
    private WebDriverWait until;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @BeforeEach
    void openBrowser() {
        assumeTrue(Browser.installed(), "Chromium is not installed (.ci/browser.sh installs it)");
        browser = Browser.start();
        until = new WebDriverWait(browser, WAIT, Duration.ofMillis(200));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorSignsInSeesADeliveryArriveAndOpensItsDetail() {
        browser.get(CONSOLE);
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("dev-user")));
        capture("01-sign-in");
        signIn("it-console-admin", true);

        open("#/overview");
        until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-platform='github']")));
        assertThat(text("#ready")).contains("UP");
        // healthy, or "n rate limits in force" when an earlier test class left one in platform_limits
        assertThat(text("tr[data-platform='github']")).contains("on").doesNotContain("circuit open")
                .containsAnyOf("healthy", "in force");
        capture("02-overview");

        open("#/deliveries?platform=github");
        until.until(ExpectedConditions.presenceOfElementLocated(By.id("delivery-rows")));
        String id = Sample.githubIssueComment("it-console-" + UUID.randomUUID(), "@openhands fix the flaky test").accepted();
        // the list refreshes by itself: the new delivery appears without a reload, and settles (octocat has
        // no linked account: asked to connect one, IGNORED)
        By row = By.cssSelector("tr[data-id='" + id + "'][data-status='IGNORED']");
        until.until(ExpectedConditions.visibilityOfElementLocated(row));
        capture("03-deliveries");

        browser.findElement(row).findElement(By.tagName("a")).click();
        until.until(ExpectedConditions.attributeToBe(By.id("delivery-status"), "data-status", "IGNORED"));
        assertThat(text("#payload")).contains("\"title\": \"Flaky test in CI\"").contains("\n  ");
        assertThat(text("#headers")).containsIgnoringCase("x-github-event").contains("issue_comment")
                .doesNotContain(Signed.GITHUB_SECRET);
        capture("04-delivery-detail");

        browser.manage().window().setSize(Browser.PHONE);
        open("#/overview");
        until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-platform='github']")));
        assertThat(fitsTheWidth()).as("the page fits a phone's width (wide tables scroll inside their box)").isTrue();
        capture("05-overview-phone");
    }

    @Test
    void deadDeliveriesAreReplayedOneByOneOrAllOfAFilterAndTheirStatusChanges() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        String prefix = "it-console-dead-";
        String first;
        String second;
        try (AutoCloseable refusal = Database.refuseOutcomes(prefix)) {
            first = Sample.githubIssueComment(prefix + UUID.randomUUID(), "@openhands retry me").accepted();
            second = Sample.githubIssueComment(prefix + UUID.randomUUID(), "@openhands retry me too").accepted();
            Database.awaitStatus(first, WAIT, "DEAD");
            Database.awaitStatus(second, WAIT, "DEAD");
        }

        signIn("it-console-admin", true);
        open("#/deliveries/" + first);
        until.until(ExpectedConditions.attributeToBe(By.id("delivery-status"), "data-status", "DEAD"));
        assertThat(text("main")).contains("outcome refused");
        capture("06-dead-delivery");
        browser.findElement(By.id("replay")).click();
        until.until(ExpectedConditions.attributeToBe(By.id("delivery-status"), "data-status", "IGNORED"));
        capture("07-replayed-delivery");

        open("#/deliveries?platform=github&status=DEAD&event=issue_comment&from=" + before);
        By secondRow = By.cssSelector("tr[data-id='" + second + "']");
        until.until(ExpectedConditions.visibilityOfElementLocated(secondRow));
        assertThat(browser.findElements(By.cssSelector("tr[data-id='" + first + "']"))).as("replayed, no longer DEAD").isEmpty();
        browser.findElement(By.id("replay-dead")).click();
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-result"), "Replayed 1 DEAD delivery"));
        until.until(ExpectedConditions.invisibilityOfElementLocated(secondRow));
        capture("08-replayed-all-dead");
        assertThat(Database.awaitStatus(second, WAIT, "IGNORED", "PROCESSED").get("status")).isEqualTo("IGNORED");
    }

    @Test
    void aUserConnectsAndDisconnectsAnAccountThroughTheProvidersPages() {
        String code = "gh-console-" + UUID.randomUUID();
        String accessToken = "ghu_console" + UUID.randomUUID().toString().replace("-", "");
        long githubId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        // GitHub's authorize page, as a browser sees it once the user has agreed: back to Switchboard with a code
        STUBS.stubFor(get(urlPathEqualTo("/github/login/oauth/authorize"))
                .willReturn(aResponse().withStatus(302).withTransformers("response-template").withHeader("Location",
                        "http://127.0.0.1:8080/api/oauth/github/callback?code=" + code + "&state={{request.query.state}}")));
        STUBS.stubFor(post(urlPathEqualTo("/github/login/oauth/access_token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"scope\":\"\"}")));
        STUBS.stubFor(get(urlPathEqualTo("/github-api/user")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("{\"login\":\"console-" + githubId + "\",\"id\":" + githubId + ",\"type\":\"User\"}")));

        signIn("it-console-user-" + githubId, false);
        open("#/accounts");
        until.until(ExpectedConditions.elementToBeClickable(By.id("connect-github"))).click();
        By linked = By.cssSelector("tr[data-provider='github']");
        until.until(ExpectedConditions.textToBePresentInElementLocated(linked, "console-" + githubId));
        assertThat(browser.getCurrentUrl()).endsWith("/console/#/accounts").doesNotContain("code=").doesNotContain("state=");
        assertThat(text("#accounts-message")).contains("Connected your github account");
        assertThat(text("main")).doesNotContain(accessToken);
        capture("09-accounts-connected");

        browser.findElement(By.id("disconnect-github")).click();
        until.until(ExpectedConditions.elementToBeClickable(By.id("connect-github")));
        assertThat(text("#accounts-message")).contains("Disconnected GitHub");
    }

    @Test
    void aUserWithoutTheAdminGroupSeesNoAdminData() {
        Sample.githubIssueComment("it-console-hidden-" + UUID.randomUUID(), "@openhands do not show me").accepted();
        signIn("it-console-visitor", false);
        assertThat(browser.findElements(By.cssSelector("#nav a[data-admin]")))
                .allSatisfy(link -> assertThat(link.isDisplayed()).isFalse());
        open("#/jobs");
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "not in the admin group"));
        assertThat(browser.findElements(By.id("job-rows"))).isEmpty();
        open("#/deliveries");
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "not in the admin group"));
        assertThat(browser.findElements(By.id("delivery-rows"))).isEmpty();
        capture("10-not-an-operator");

        open("#/integrations");
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("gitlab-sync")));
        assertThat(browser.findElements(By.id("jira-workspaces"))).as("operators' sections").isEmpty();
        assertThat(browser.findElements(By.id("github-installations"))).isEmpty();
        assertThat(browser.findElements(By.id("slack-teams"))).isEmpty();
        assertThat(browser.findElements(By.id("gitlab-hook-counts"))).isEmpty();
        capture("11-integrations-user");

        assertThat(Browser.adminApiStatus(browser)).as("the API refuses the same token").isEqualTo(403L);
    }

    @Test
    void anOperatorSeesTheIntegrationsPage() {
        String n = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        String githubSecret = "v1:it-console-gh-token-" + n;
        String slackSecret = "v1:it-console-xoxb-" + n;
        Database.execute("insert into github_installation (installation_id, account_login, account_type,"
                + " repository_selection, access_token, access_token_expires_at, updated_at) values (" + n
                + ", 'console-org-" + n + "', 'Organization', 'selected', '" + githubSecret + "', now() + interval '1 hour', now())");
        Database.execute("insert into slack_installation (team_id, team_name, bot_user_id, bot_token, bot_scopes,"
                + " installed_at, updated_at) values ('TC" + n + "', 'Console team " + n + "', 'UB" + n + "', '"
                + slackSecret + "', 'app_mentions:read,chat:write', now(), now())");

        // the fake ciphertexts go again after the test: re-encryption (TokenRefreshIT) decrypts every row
        try {
            signIn("it-console-admin", true);
            open("#/integrations");
            until.until(ExpectedConditions.visibilityOfElementLocated(By.id("jira-create")));
            assertThat(text("#gitlab-hook-counts")).contains("VERIFIED");
            assertThat(text("#github-installations tr[data-id='" + n + "']")).contains("console-org-" + n)
                    .contains("Organization").contains("selected").contains("cached until");
            assertThat(text("#slack-teams tr[data-id='TC" + n + "']")).contains("Console team " + n).contains("UB" + n)
                    .contains("chat:write").contains("stored");
            assertThat(browser.getPageSource()).doesNotContain(githubSecret).doesNotContain(slackSecret);
            capture("12-integrations");

            browser.manage().window().setSize(Browser.PHONE);
            open("#/integrations");
            until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#slack-teams tr[data-id='TC" + n + "']")));
            assertThat(fitsTheWidth()).as("the page fits a phone's width").isTrue();
            capture("13-integrations-phone");
        } finally {
            Database.execute("delete from github_installation where installation_id = " + n);
            Database.execute("delete from slack_installation where team_id = 'TC" + n + "'");
        }
    }

    @Test
    void anOperatorSeesJobsAndReplaysADeadPost() {
        String job = UUID.randomUUID().toString();
        String dead = UUID.randomUUID().toString();
        String posted = UUID.randomUUID().toString();
        String conversation = "conv-console-" + UUID.randomUUID();
        String repository = "acme/console-" + job.substring(0, 8);
        // a GitHub job whose summary comment died; the sample world (installation 4242, acme/api#7) takes it on replay
        Database.execute("insert into agent_jobs (id, delivery_id, platform, thread_key, repository, requester,"
                + " answer_to, conversation_id, status, agent_state, state_changes, created_at, updated_at) values ('"
                + job + "', '" + UUID.randomUUID() + "', 'GITHUB', 'github:acme/api#7', '" + repository + "', 'octocat',"
                + " '{}', '" + conversation + "', 'FINISHED', 'finished', 2, now(), now())");
        String target = "{\"installation_id\":4242,\"repository\":\"acme/api\",\"number\":7,\"requester\":\"octocat\"}";
        Database.execute("insert into job_notices (id, job_id, platform, kind, idempotency_key, target, body, status,"
                + " attempts, last_error, created_at, updated_at) values ('" + dead + "', '" + job + "', 'GITHUB', 'comment', 'it-console-"
                + dead + "', '" + target + "', 'The summary', 'DEAD', 5, 'github refused the comment (HTTP 422)', now(), now())");
        Database.execute("insert into job_notices (id, job_id, platform, kind, idempotency_key, target, body, status,"
                + " attempts, posted_id, created_at, updated_at) values ('" + posted + "', '" + job + "', 'GITHUB', 'reaction',"
                + " 'it-console-" + posted + "', '" + target + "', 'eyes', 'POSTED', 1, '99', now() - interval '1 minute', now())");

        signIn("it-console-admin", true);
        open("#/jobs");
        By row = By.cssSelector("#job-rows tr[data-id='" + job + "']");
        until.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(browser.findElement(row).getText()).contains("github").contains(repository).contains("octocat")
                .contains("FINISHED").contains("finished").contains("DEAD 1").contains("POSTED 1");
        assertThat(browser.findElement(row).findElement(By.linkText("Open")).getAttribute("href")).endsWith("/conversations/" + conversation);
        capture("14-jobs");

        browser.findElement(row).findElement(By.tagName("a")).click();
        By deadRow = By.cssSelector("#job-notices tr[data-notice='" + dead + "']");
        until.until(ExpectedConditions.visibilityOfElementLocated(deadRow));
        assertThat(browser.findElement(deadRow).getText()).contains("comment").contains("DEAD").contains("HTTP 422");
        assertThat(text("#job-notices tr[data-notice='" + posted + "']")).contains("reaction").contains("POSTED");
        assertThat(browser.findElements(By.id("replay-notice-" + posted))).as("only a DEAD post is replayed").isEmpty();
        capture("15-job-detail");

        WebElement replay = browser.findElement(By.id("replay-notice-" + dead));
        replay.sendKeys(Keys.ENTER); // keyboard reachable: a real button
        until.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#job-notices tr[data-notice='" + dead + "'][data-status='POSTED']")));
        assertThat(text("#job-message")).contains("now POSTED");
        capture("16-job-post-replayed");

        browser.manage().window().setSize(Browser.PHONE);
        open("#/jobs");
        until.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(fitsTheWidth()).as("the page fits a phone's width").isTrue();
        capture("17-jobs-phone");
    }

    @Test
    void theConsoleIsServedWithAPolicyThatRunsOnlyItsOwnFiles() {
        for (String path : new String[] {"/console/", "/console/js/app.js", "/console/console.css"}) {
            HttpResponse<String> page = Server.get(path, null);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).as(path).contains("default-src 'none'").contains("script-src 'self'")
                    .contains("style-src 'self'").contains("connect-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
        // and the console works under it: every other test of this class signs in and renders pages with it in force
        browser.get(CONSOLE);
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("dev-user")));
    }

    @Test
    void devSignInAnswers404WhenItIsNotSwitchedOn() {
        assertThat(devToken("{\"user\":\"mallory\",\"admin\":true}").statusCode()).isEqualTo(200);
        assertThat(devToken("{\"user\":\"<b>\",\"admin\":true}").statusCode()).isEqualTo(400);
        Server.asadmin("delete-config-property", "--source=domain", "--propertyName=console.dev.signin.key");
        try {
            HttpResponse<String> off = devToken("{\"user\":\"mallory\",\"admin\":true}");
            assertThat(off.statusCode()).isEqualTo(404);
            assertThat(json(off.body()).getString("error")).isEqualTo("not found");
            assertThat(json(Server.get("/api/console/sign-in", null).body()).getBoolean("dev")).isFalse();
        } finally {
            Server.asadmin("set-config-property", "--source=domain", "--propertyName=console.dev.signin.key",
                    "--propertyValue=" + System.getProperty("switchboard.keys") + "/jwt-private.pem");
        }
        assertThat(json(Server.get("/api/console/sign-in", null).body()).getBoolean("dev")).isTrue();
    }

    private void signIn(String user, boolean admin) {
        browser.get(CONSOLE);
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement name = until.until(ExpectedConditions.visibilityOfElementLocated(By.id("dev-user")));
        name.clear();
        name.sendKeys(user);
        WebElement operator = browser.findElement(By.id("dev-admin"));
        if (operator.isSelected() != admin) {
            operator.click();
        }
        browser.findElement(By.cssSelector("#dev-sign-in button[type='submit']")).click();
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), user));
        assertThat(browser.getCurrentUrl()).doesNotContain("token");
    }

    private void capture(String name) {
        Browser.capture(browser, name);
    }

    /** Loads the console afresh at a page (the token stays in the tab's sessionStorage), so one render runs. */
    private void open(String hash) {
        browser.get("about:blank");
        browser.get(CONSOLE + hash);
    }

    private boolean fitsTheWidth() {
        return Boolean.FALSE.equals(browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth"));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static HttpResponse<String> devToken(String body) {
        return Server.send(HttpRequest.newBuilder(Server.BASE.resolve("/api/console/dev-token"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
