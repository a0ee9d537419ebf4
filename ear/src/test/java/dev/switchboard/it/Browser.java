package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver (both installed by .ci/browser.sh), with the
 * flags this machine's closed network needs: without the background-networking ones Chromium's own calls
 * home are refused and slow every page. A fresh profile each time, so no state leaks between runs.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    private Browser() {
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static ChromeDriver start() {
        try {
            Path profile = Files.createTempDirectory("switchboard-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                    "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows as {@code <switchboard.screenshots>/<name>.png}. */
    public static void screenshot(ChromeDriver driver, String name) {
        Path folder = Path.of(System.getProperty("switchboard.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(folder);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the page as a screenshot, after checking that no value was rendered as a stray object. */
    public static void capture(ChromeDriver driver, String name) {
        assertThat(driver.findElement(By.tagName("body")).getText()).as(name)
                .doesNotContain("[object").doesNotContain("undefined");
        screenshot(driver, name);
    }

    /** The HTTP status {@code GET /api/admin/deliveries} answers the console's token with, asked from the page. */
    public static Object adminApiStatus(ChromeDriver driver) {
        return driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/admin/deliveries', {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('switchboard.token')}})
                  .then(r => done(r.status), e => done(String(e)));""");
    }
}
