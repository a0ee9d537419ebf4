package dev.switchboard.it;

import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Switchboard behind a real Keycloak: the realm export of {@code config/src/main/keycloak} imported into a
 * Keycloak started here, and the server started (by failsafe's {@code keycloak-it} execution) with
 * {@code KEYCLOAK_SERVER_URL=http://127.0.0.1:8180} and {@code KEYCLOAK_REALM_NAME=switchboard}. Tokens from
 * password grants, and the console in headless Chromium signing in on Keycloak's own login page (as the public
 * client {@code switchboard-console}, PKCE) and signing out there; each step is saved as a screenshot
 * {@code keycloak-*.png} under {@code ear/target/screenshots/}. The browser tests are skipped (not failed) only
 * where Chromium is not installed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeycloakIT {

    static final URI KEYCLOAK = URI.create("http://127.0.0.1:8180");
    static final String REALM = "switchboard";
    static final String ISSUER = KEYCLOAK + "/realms/" + REALM;
    static final String CLIENT = "switchboard";
    static final String CLIENT_SECRET = "it-keycloak-client-secret";
    static final String ADMIN_USER = "it-admin";
    static final String ADMIN_PASSWORD = "it-admin-password";
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    static final String CONSOLE = Server.BASE + "/console/";
    static final Duration WAIT = Duration.ofSeconds(30);

    private static Process keycloak;

    private ChromeDriver browser;
    private WebDriverWait until;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @BeforeAll
    static void startKeycloak() throws IOException {
        String home = System.getProperty("keycloak.home");
        Assumptions.assumeTrue(home != null && Files.isDirectory(Path.of(home)),
                "keycloak.home not set: KeycloakIT runs in failsafe's keycloak-it execution (profile keycloak)");
        Path keycloakHome = Path.of(home);
        String javaHome = System.getProperty("keycloak.java.home", System.getProperty("java.home"));
        Path realm = Path.of(System.getProperty("keycloak.realm",
                "../config/src/main/keycloak/switchboard-realm.json"));
        assertThat(realm).as("the realm export").isRegularFile();
        try (ServerSocket probe = new ServerSocket(KEYCLOAK.getPort(), 1, InetAddress.getLoopbackAddress())) {
            // free
        } catch (IOException e) {
            throw new IllegalStateException("port " + KEYCLOAK.getPort() + " is taken: stop the Keycloak running there", e);
        }

        // a fresh dev database each run: the import, the bootstrap admin and the users are then always new
        deleteRecursively(keycloakHome.resolve("data"));
        Path imports = Files.createDirectories(keycloakHome.resolve("data/import"));
        Files.copy(realm, imports.resolve("switchboard-realm.json"), StandardCopyOption.REPLACE_EXISTING);

        Path log = Path.of("target", "keycloak-it.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(keycloakHome.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + KEYCLOAK.getPort(), "--import-realm")
                .directory(keycloakHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome);
        // jboss-threads on Java 24+ wants java.lang opened; without it executor threads die with IllegalAccessError
        builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        long started = System.nanoTime();
        keycloak = builder.start();
        // should the test JVM be stopped before @AfterAll (a failsafe timeout, Ctrl-C), Keycloak goes with it
        Process launched = keycloak;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> destroyTree(launched, Duration.ofSeconds(10))));
        boolean ready = KeycloakAdmin.awaitOk(KEYCLOAK.resolve("/realms/" + REALM + "/.well-known/openid-configuration"),
                START_TIMEOUT, keycloak::isAlive);
        if (!ready) {
            throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within " + START_TIMEOUT
                    + (keycloak.isAlive() ? "" : " (it exited with " + keycloak.exitValue() + ")") + "; see " + log);
        }
        System.out.printf("KeycloakIT: Keycloak ready in %d s (log: %s)%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), log);

        KeycloakAdmin admin = KeycloakAdmin.login(KEYCLOAK, ADMIN_USER, ADMIN_PASSWORD);
        admin.setClientSecret(REALM, CLIENT, CLIENT_SECRET);
        admin.createUser(REALM, "alice", "alice-password", "admin");
        admin.createUser(REALM, "bob", "bob-password");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            destroyTree(keycloak, Duration.ofSeconds(30));
            keycloak = null;
        }
    }

    /** SIGTERM to kc.sh and the JVM it started, then SIGKILL to whatever is still there after {@code grace}. */
    static void destroyTree(Process process, Duration grace) {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle member : tree) {
            try {
                member.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                member.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                member.destroyForcibly();
            }
        }
    }

    @Test
    void anAdminsKeycloakTokenReachesTheAdminApi() {
        String alice = token("alice", "alice-password");
        HttpResponse<String> me = Server.get("/api/me", alice);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me.body()).getString("issuer")).isEqualTo(ISSUER);
        HttpResponse<String> deliveries = Server.get("/api/admin/deliveries", alice);
        assertThat(deliveries.statusCode()).as(deliveries.body()).isEqualTo(200);
    }

    @Test
    void aUserWithoutTheAdminGroupIsSignedInButNotAnAdmin() {
        String bob = token("bob", "bob-password");
        HttpResponse<String> me = Server.get("/api/me", bob);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me.body()).getString("issuer")).isEqualTo(ISSUER);
        assertThat(Server.get("/api/admin/deliveries", bob).statusCode()).isEqualTo(403);
    }

    @Test
    void theEmbeddedDefaultsTokensAreRefusedOnceKeycloakIsTheIssuer() {
        assertThat(Server.get("/api/admin/deliveries", AdminTokens.admin()).statusCode()).isEqualTo(401);
        assertThat(Server.get("/api/me", AdminTokens.user("it-someone")).statusCode()).isEqualTo(401);
    }

    @Test
    void theRealmExportBrokersGitHubAndKeepsItsTokens() {
        KeycloakAdmin admin = KeycloakAdmin.login(KEYCLOAK, ADMIN_USER, ADMIN_PASSWORD);
        JsonObject github = admin.identityProvider(REALM, "github");
        assertThat(github.getString("providerId")).isEqualTo("github");
        assertThat(github.getBoolean("storeToken")).isTrue();
        assertThat(github.getBoolean("addReadTokenRoleOnCreate")).isTrue();
        assertThat(admin.identityProvider(REALM, "gitlab").getBoolean("storeToken")).isTrue();
    }

    @Test
    void anAdminSignsInToTheConsoleOnKeycloaksLoginPageAndSeesAdminData() {
        String delivery = Sample.githubIssueComment("it-keycloak-console-" + UUID.randomUUID(),
                "@openhands show me in the console").accepted();
        openBrowser();
        signInOnKeycloak("alice", "alice-password", 1);
        assertThat(text("#who-name")).contains("alice").contains("(admin)");
        // an operator lands on the overview, filled from the admin API
        until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-platform='github']")));
        assertThat(browser.findElement(By.cssSelector("#nav a[data-page='overview']")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(text("#ready")).contains("UP");
        capture("keycloak-04-overview-admin");

        JsonObject claims = claims(sessionToken());
        assertThat(claims.getString("iss")).isEqualTo(ISSUER);
        assertThat(claims.getString("azp")).as("the console's public client").isEqualTo("switchboard-console");

        browser.findElement(By.cssSelector("#nav a[data-page='deliveries']")).click();
        until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#delivery-rows tr[data-id='" + delivery + "']")));
        capture("keycloak-05-deliveries-admin");
    }

    @Test
    void aUserWithoutTheAdminGroupSignsInToTheConsoleAndSeesNoAdminData() {
        Sample.githubIssueComment("it-keycloak-hidden-" + UUID.randomUUID(), "@openhands do not show me").accepted();
        openBrowser();
        signInOnKeycloak("bob", "bob-password", 6);
        assertThat(text("#who-name")).contains("bob").doesNotContain("(admin)");
        // no operator pages offered: the landing page is the user's own accounts
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "My accounts"));
        assertThat(browser.findElements(By.cssSelector("#nav a[data-admin]")))
                .allSatisfy(link -> assertThat(link.isDisplayed()).isFalse());
        capture("keycloak-09-accounts-user");

        for (String page : new String[] {"overview", "deliveries", "jobs"}) {
            browser.get("about:blank");
            browser.get(CONSOLE + "#/" + page);
            until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "not in the admin group"));
            assertThat(text("#who-name")).as("still signed in").contains("bob");
        }
        assertThat(browser.findElements(By.cssSelector("#delivery-rows, #job-rows, tr[data-platform]"))).isEmpty();
        capture("keycloak-10-not-an-operator");

        assertThat(Browser.adminApiStatus(browser)).as("the API refuses the same token").isEqualTo(403L);
    }

    /**
     * Sign out forgets the token and ends the Keycloak session as well (RP-initiated logout), so neither a
     * reload nor the sign-in button signs the browser in again without the password.
     */
    @Test
    void signingOutOfTheConsoleEndsTheKeycloakSessionToo() {
        openBrowser();
        signInOnKeycloak("alice", "alice-password", 11);
        browser.findElement(By.id("sign-out")).click();
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("oidc-sign-in")));
        assertThat(browser.getCurrentUrl()).startsWith(CONSOLE);
        assertThat(text("main")).contains("Signed out.");
        assertThat(browser.findElement(By.id("who")).isDisplayed()).isFalse();
        assertThat(sessionToken()).isNull();
        capture("keycloak-14-signed-out");

        browser.navigate().refresh();
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("oidc-sign-in")));
        assertThat(browser.findElement(By.id("who")).isDisplayed()).as("a reload stays signed out").isFalse();
        assertThat(sessionToken()).isNull();

        browser.findElement(By.id("oidc-sign-in")).click();
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        assertThat(browser.getCurrentUrl()).as("Keycloak asks for the password again").startsWith(ISSUER + "/");
        capture("keycloak-15-login-page-again");
    }

    /** A code handed to the console that this tab did not ask for (wrong state) is not exchanged. */
    @Test
    void theConsoleRefusesASignInAnswerItDidNotAskFor() {
        openBrowser();
        browser.get(CONSOLE + "?code=stolen-code&state=forged-state");
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "sign-in answer does not match this browser"));
        assertThat(browser.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
        assertThat(sessionToken()).isNull();
        assertThat(browser.findElement(By.id("oidc-sign-in")).isDisplayed()).isTrue();
        capture("keycloak-16-forged-answer");
    }

    private void openBrowser() {
        Assumptions.assumeTrue(Browser.installed(), "Chromium is not installed (.ci/browser.sh installs it)");
        browser = Browser.start();
        until = new WebDriverWait(browser, WAIT, Duration.ofMillis(200));
    }

    /**
     * From the console's sign-in page through Keycloak's login page and back, signed in; three screenshots
     * numbered from {@code step}: the sign-in page, Keycloak's login page filled in, the console signed in.
     */
    private void signInOnKeycloak(String username, String password, int step) {
        browser.get(CONSOLE);
        WebElement signIn = until.until(ExpectedConditions.elementToBeClickable(By.id("oidc-sign-in")));
        assertThat(browser.findElements(By.id("dev-user"))).as("no dev sign-in beside Keycloak").isEmpty();
        capture(String.format("keycloak-%02d-sign-in", step));
        signIn.click();

        WebElement user = until.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(ISSUER + "/").contains("client_id=switchboard-console")
                .contains("code_challenge=").contains("code_challenge_method=S256").contains("state=");
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        capture(String.format("keycloak-%02d-login-page-%s", step + 1, username));
        browser.findElement(By.id("kc-login")).click();

        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), username));
        assertThat(browser.getCurrentUrl()).startsWith(CONSOLE).doesNotContain("code=").doesNotContain("state=");
        assertThat(sessionToken()).isNotBlank();
        capture(String.format("keycloak-%02d-signed-in-%s", step + 2, username));
    }

    private String sessionToken() {
        return (String) browser.executeScript("return sessionStorage.getItem('switchboard.token')");
    }

    private static JsonObject claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private void capture(String name) {
        Browser.capture(browser, name);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static String token(String username, String password) {
        return KeycloakAdmin.passwordGrant(KEYCLOAK, REALM, CLIENT, CLIENT_SECRET, username, password, "openid");
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
