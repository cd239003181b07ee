package dev.autopilot.reporting.dashboard;

import static dev.autopilot.reporting.ReportingApi.awaitIncident;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import dev.autopilot.contracts.Severity;
import dev.autopilot.reporting.EventFeed;
import dev.autopilot.reporting.IncidentStory;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): sign in once
 * with a viewer token, then the session cookie carries the person; the page shows open incidents, the latest
 * timeline entries, SVG charts and reports, with scripts off; a screenshot of it is not blank.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class DashboardBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeAll
    static void startBrowser() {
        assertThat(new File(CHROMIUM).canExecute()).as("Debian's chromium package (apt-get install chromium)").isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute()).as("Debian's chromium-driver package").isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1600");
        // scripts off: the page must be readable without them
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersonSignsInOnceAndReadsTheDashboard() throws IOException {
        IncidentStory story = IncidentStory.of("alb-unhealthy " + UUID.randomUUID(), Severity.P0, "outage",
                "t-developer-service-production", Instant.now().minus(Duration.ofMinutes(42)));
        EventFeed feed = new EventFeed(kafka);
        feed.publish(story.opened());
        feed.publish(story.paged());
        awaitIncident(story.incidentId(), i -> ((Map<?, ?>) i.get("notifications")).get("sent").equals(1));

        browser.manage().deleteAllCookies();
        browser.get(root.toString());
        assertThat(browser.getCurrentUrl()).as("sent to sign in").endsWith("/login");

        browser.findElement(By.name("token")).sendKeys("not-a-token");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // the refused sign-in comes back as a new page: wait for it (on a busy machine it takes a moment)
        assertThat(new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("[role=alert]")).stream().findFirst().orElse(null))
                .getText()).contains("may not read");

        browser.findElement(By.name("token")).sendKeys(TestTokens.VIEWER);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("open-incidents")).size() == 1);

        Cookie session = browser.manage().getCookieNamed(Sessions.COOKIE);
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getExpiry()).isNotNull();

        String open = browser.findElement(By.id("open-incidents")).getText();
        assertThat(open).contains(story.title()).contains("P0").contains("42 min");
        assertThat(browser.findElement(By.id("latest")).getText()).contains("Paged DevOps Lead via webhook");
        assertThat(browser.findElements(By.cssSelector("#slos svg, #budget svg, #trend svg"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("meta[http-equiv=refresh]")).getAttribute("content"))
                .isEqualTo("60");

        browser.navigate().refresh();
        assertThat(browser.getCurrentUrl()).as("the session holds").doesNotEndWith("/login");
        assertThat(browser.findElement(By.id("open-incidents")).getText()).contains(story.title());

        Path screenshot = Path.of("target", "dashboard.png");
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, png);
        assertThat(png.length).as("a screenshot of a full page").isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isGreaterThan(800);
        assertThat(colours(image)).as("not blank: text, badges, charts").isGreaterThan(50);

        browser.findElement(By.cssSelector("header button[type=submit]")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.get(root.toString());
        assertThat(browser.getCurrentUrl()).as("signed out").endsWith("/login");
    }

    @Test
    void theApiKeepsItsBearerTokensAndAForgedCookieIsNoSession() {
        given().redirects().follow(false).cookie(Sessions.COOKIE, "forged.value").get("/")
                .then().statusCode(303).header("Location", endsWith("/login"));
        given().cookie(Sessions.COOKIE, "forged.value").get("/incidents").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.VIEWER).get("/").then().statusCode(200)
                .contentType(containsString("text/html"));
        String cookie = given().redirects().follow(false).formParam("token", TestTokens.VIEWER).post("/login")
                .then().statusCode(303).extract().header("Set-Cookie");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Max-Age=43200");
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        given().cookie(Sessions.COOKIE, value).get("/incidents").then().statusCode(200);
        given().cookie(Sessions.COOKIE, value).post("/reports/daily/run").then().statusCode(403);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
