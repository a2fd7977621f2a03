package dev.panorama.queryapi;

import dev.panorama.queryapi.support.ApiIT;
import dev.panorama.queryapi.support.Chromium;
import dev.panorama.queryapi.support.DeadLetters;
import dev.panorama.queryapi.support.Http;
import dev.panorama.queryapi.support.QueryApiStack;
import dev.panorama.queryapi.support.RebuildRegistry;
import dev.panorama.queryapi.support.TestKeys;
import dev.panorama.queryapi.support.Views;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations console in headless Chromium against the running API: it signs in with the admin key
 * (refusing a wrong one, and a reader's), lists the four views, follows a view whose positions move while
 * the page is open (numbers and chart), a rebuild whose progress moves (bar, percentage, ETA), and a switch,
 * a rollback and a dead-letter redrive that happen only once their confirmation dialog is confirmed.
 */
class ConsoleIT extends ApiIT {

    private static final List<String> VIEWS = List.of("order-history", "order-details", "available-restaurants", "consumer-summary");
    private static final String RESTAURANTS = QueryApiStack.topic("restaurant");
    private static final int RECORDS_PER_PARTITION = 20;

    private static ChromeDriver browser;

    @BeforeAll
    static void startChromiumAndFillTheRestaurantTopic() {
        browser = Chromium.headless();
        QueryApiStack.prepare();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, QueryApiStack.ENGINES.kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int partition = 0; partition < QueryApiStack.PARTITIONS; partition++) {
                for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                    producer.send(new ProducerRecord<>(RESTAURANTS, partition, "key", "{}"));
                }
            }
            producer.flush();
        }
    }

    @AfterAll
    static void quitChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Forgets the credentials on a page of the console's origin that runs no script, so that no sign-in is under way meanwhile. */
    @BeforeEach
    void openTheConsoleSignedOut() {
        browser.get(http().base() + "/console/console.css");
        browser.executeScript("sessionStorage.clear()");
        browser.get(http().base() + "/console/");
        waitFor().until(() -> browser.findElement(By.id("credential")).isDisplayed());
    }

    /** What the page showed at the end of each test, for whoever reads a failure: {@code target/console-it/<test>.png}. */
    @AfterEach
    void screenshotAndForgetTheRebuild(TestInfo test) throws IOException {
        RebuildRegistry.forget("order-details");
        Path screenshots = Files.createDirectories(Path.of("target", "console-it"));
        Files.write(screenshots.resolve(test.getTestMethod().orElseThrow().getName() + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theConsoleIsOpenWithAStrictContentSecurityPolicyWhileItsDataNeedsAnOperator() {
        Http.Response redirect = http().raw("/console", Map.of());
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).endsWith("/console/");

        for (String file : List.of("/console/", "/console/console.js", "/console/console.css")) {
            Http.Response response = http().raw(file, Map.of());
            assertThat(response.status()).as(file).isEqualTo(200);
            String policy = response.header("Content-Security-Policy");
            assertThat(policy).as(file).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(http().raw("/console/", Map.of()).contentType()).startsWith("text/html");
        assertThat(http().raw("/console/console.js", Map.of()).contentType()).startsWith("text/javascript");

        assertThat(http().raw("/lag", TestKeys.reader()).status()).isEqualTo(403);
        assertThat(http().raw("/lag", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aWrongKeyOrAReadersKeyIsRefusedAtSignInAndNeverKept() {
        signIn("not-a-key");
        waitFor().untilAsserted(() -> assertThat(text(By.id("sign-in-error"))).contains("refused these credentials").contains("401"));
        assertThat(browser.findElement(By.id("console")).isDisplayed()).isFalse();

        signIn(TestKeys.READER);
        waitFor().untilAsserted(() -> assertThat(text(By.id("sign-in-error"))).contains("not allowed").contains("403"));
        assertThat(browser.executeScript("return sessionStorage.length")).isEqualTo(0L);
        assertThat(browser.getCurrentUrl()).doesNotContain(TestKeys.READER).doesNotContain("not-a-key");
    }

    @Test
    void showsEveryViewAndTheLiveLagOfAViewWhosePositionsMove() {
        Map<Integer, Long> logEnd = restaurantLogEnd();
        positions(logEnd, 15);

        signIn(TestKeys.ADMIN);
        waitFor().untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#views [data-view]")).stream()
            .map(view -> view.getDomAttribute("data-view")).toList()).containsExactlyInAnyOrderElementsOf(VIEWS));
        assertThat(browser.executeScript("return JSON.parse(sessionStorage.getItem('panorama.console.credential')).kind")).isEqualTo("key");
        assertThat(browser.getCurrentUrl()).doesNotContain(TestKeys.ADMIN);

        waitFor().untilAsserted(() -> assertThat(number(viewField("available-restaurants", "messageLag"))).isEqualTo(15L * logEnd.size()));
        int pointsBefore = chartPoints("available-restaurants");
        assertThat(pointsBefore).isPositive();

        positions(logEnd, 4);
        waitFor().untilAsserted(() -> {
            assertThat(number(viewField("available-restaurants", "messageLag"))).isEqualTo(4L * logEnd.size());
            assertThat(partitionCells("available-restaurants", RESTAURANTS)).contains(String.valueOf(logEnd.get(0) - 4));
            assertThat(chartPoints("available-restaurants")).isGreaterThan(pointsBefore + 1);
        });
        String description = browser.findElement(By.cssSelector("[data-view='available-restaurants'] svg desc")).getDomProperty("textContent");
        assertThat(description).contains(RESTAURANTS + "[0] 4").contains("Highest over the window: 15");
        assertThat(text(By.id("dead-letters-state"))).as("the dead-letter panel answered, whatever the API offers").isNotEqualTo("Loading…");
        assertNoPolicyViolation();
        System.out.printf("ConsoleIT: lag 15 -> 4 per partition shown, chart %d -> %d points%n", pointsBefore, chartPoints("available-restaurants"));
    }

    @Test
    void showsARebuildsProgressMovingWithAnEstimatedTimeLeft() {
        Instant started = Instant.now().minusSeconds(120);
        RebuildRegistry.versions("order-details", 1, 2, null);
        RebuildRegistry.checkpoint("order-details", 2, "WRITING", started, Instant.now());
        // No rate nor ETA from the tool yet: the page estimates them from how the progress moves.
        RebuildRegistry.progress("order-details", 2, "write", 1_000_000, 10_000_000, 0, 0, Instant.now());

        signIn(TestKeys.ADMIN);
        waitFor().untilAsserted(() -> {
            assertThat(viewField("order-details", "percent")).isEqualTo("10.0 %");
            assertThat(viewField("order-details", "building")).isEqualTo("v2");
            assertThat(viewField("order-details", "phase")).isEqualTo("Phase WRITING");
        });
        double barBefore = progressBar("order-details");

        RebuildRegistry.progress("order-details", 2, "write", 2_000_000, 10_000_000, 0, 0, Instant.now());
        waitFor().untilAsserted(() -> {
            assertThat(viewField("order-details", "percent")).isEqualTo("20.0 %");
            assertThat(progressBar("order-details")).isGreaterThan(barBefore);
            assertThat(viewField("order-details", "eta")).as("time left at the rate seen").matches("[1-9][0-9]*(\\.[0-9])? s|[1-9][0-9]* ms|\\d+ min \\d+ s");
            assertThat(viewField("order-details", "rate")).contains("seen by this page");
        });

        RebuildRegistry.progress("order-details", 2, "write", 3_000_000, 10_000_000, 0, 0, Instant.now());
        waitFor().untilAsserted(() -> {
            assertThat(viewField("order-details", "percent")).isEqualTo("30.0 %");
            assertThat(viewField("order-details", "done")).isEqualTo("3,000,000 of 10,000,000 documents written");
        });
        WebElement switchButton = browser.findElement(By.cssSelector("[data-view='order-details'] button.switch"));
        assertThat(switchButton.getText()).isEqualTo("Switch readers to v2…");
        assertThat(switchButton.isEnabled()).as("a rebuild still writing cannot be switched to").isFalse();
        System.out.printf("ConsoleIT: rebuild 10 %% -> 30 %%, ETA %s%n", viewField("order-details", "eta"));
    }

    @Test
    void switchesAVerifiedVersionAndRollsBackOnlyOnceTheDialogIsConfirmed() {
        String view = "order-history";
        String alias = QueryApiStack.alias(view);
        QueryApiStack.elasticsearch().createVersion(alias, 2, QueryApiStack.mapping(view, 2));
        try {
            RebuildRegistry.versions(view, 1, 2, null);
            RebuildRegistry.checkpoint(view, 2, "VERIFIED", Instant.now().minusSeconds(300), Instant.now());
            signIn(TestKeys.ADMIN);
            By switchButton = By.cssSelector("[data-view='order-history'] button.switch");
            // The view's card appears with the first lag report after sign-in: looked up anew on every poll.
            waitFor().untilAsserted(() -> assertThat(browser.findElement(switchButton).isDisplayed() && browser.findElement(switchButton).isEnabled())
                .as("switch offered").isTrue());

            browser.findElement(switchButton).click();
            waitFor().untilAsserted(() -> assertThat(text(By.id("confirm-text"))).contains("version 2 instead of version 1"));
            browser.findElement(By.id("confirm-cancel")).click();
            waitFor().untilAsserted(() -> assertThat(viewField(view, "adminState")).isEqualTo("Switch cancelled; nothing changed."));
            assertThat(RebuildRegistry.versions(view).getInteger("version")).as("a cancelled dialog changes nothing").isEqualTo(1);

            browser.findElement(switchButton).click();
            waitFor().until(() -> browser.findElement(By.id("confirm")).getDomAttribute("open") != null);
            browser.findElement(By.id("confirm-ok")).click();
            waitFor().untilAsserted(() -> assertThat(viewField(view, "adminState")).startsWith("Switched: readers of order-history now see v2"));
            assertThat(RebuildRegistry.versions(view).getInteger("version")).isEqualTo(2);
            assertThat(QueryApiStack.elasticsearch().indexesBehind(alias)).containsExactly(alias + "-v2");

            By rollbackButton = By.cssSelector("[data-view='order-history'] button.rollback");
            waitFor().untilAsserted(() -> assertThat(browser.findElement(rollbackButton).isDisplayed()
                && browser.findElement(rollbackButton).getText().equals("Roll back to v1…")).as("rollback offered").isTrue());
            browser.findElement(rollbackButton).click();
            waitFor().untilAsserted(() -> assertThat(text(By.id("confirm-text"))).contains("version 1 instead of version 2"));
            browser.findElement(By.id("confirm-ok")).click();
            waitFor().untilAsserted(() -> assertThat(viewField(view, "adminState")).startsWith("Rolled back: readers of order-history now see v1"));
            assertThat(QueryApiStack.elasticsearch().indexesBehind(alias)).containsExactly(alias + "-v1");
            assertNoPolicyViolation();
        } finally {
            QueryApiStack.elasticsearch().pointAlias(alias, 1);
            QueryApiStack.elasticsearch().deleteIndex(alias + "-v2");
            RebuildRegistry.forget(view);
            RebuildRegistry.versions(view, 1, null, null);
        }
    }

    @Test
    void redrivesDeadLettersOnlyOnceTheDialogIsConfirmed() {
        String parked = UUID.randomUUID().toString();
        String invalid = UUID.randomUUID().toString();
        DeadLetters.publish(parked, "PARKED", QueryApiStack.topic("order"));
        DeadLetters.publish(invalid, "INVALID_PAYLOAD", QueryApiStack.topic("consumer"));

        signIn(TestKeys.ADMIN);
        waitFor().untilAsserted(() -> {
            assertThat(text(By.id("dlq-waiting"))).isEqualTo("2 letters");
            assertThat(browser.findElements(By.cssSelector("#dlq-rows tr")).stream().map(WebElement::getText).toList())
                .anySatisfy(row -> assertThat(row).contains("PARKED", QueryApiStack.topic("order"), "1"))
                .anySatisfy(row -> assertThat(row).contains("INVALID_PAYLOAD", QueryApiStack.topic("consumer"), "1"));
        });

        browser.findElement(By.id("dlq-redrive-all")).click();
        waitFor().untilAsserted(() -> assertThat(text(By.id("confirm-text"))).contains("all 2 dead letters waiting"));
        browser.findElement(By.id("confirm-cancel")).click();
        waitFor().untilAsserted(() -> assertThat(text(By.id("dead-letters-result"))).isEqualTo("Redrive cancelled; nothing changed."));
        assertThat(DeadLetters.redriven(QueryApiStack.topic("order"))).as("a cancelled dialog publishes nothing").doesNotContainKey(parked);

        browser.findElement(By.id("dlq-redrive-all")).click();
        waitFor().until(() -> browser.findElement(By.id("confirm")).getDomAttribute("open") != null);
        browser.findElement(By.id("confirm-ok")).click();
        waitFor().untilAsserted(() -> {
            assertThat(text(By.id("dead-letters-result"))).startsWith("Redrove 2 dead letters").contains("PARKED: 1", "INVALID_PAYLOAD: 1");
            assertThat(text(By.id("dead-letters-state"))).isEqualTo("No dead letter waits.");
        });
        waitFor().untilAsserted(() -> {
            assertThat(DeadLetters.redriven(QueryApiStack.topic("order"))).containsKey(parked);
            assertThat(DeadLetters.redriven(QueryApiStack.topic("consumer"))).containsKey(invalid);
        });
        assertNoPolicyViolation();
    }

    private void signIn(String key) {
        WebElement credential = browser.findElement(By.id("credential"));
        credential.clear();
        credential.sendKeys(key);
        browser.findElement(By.id("sign-in-button")).click();
    }

    /** Polls the page as a person would look at it: waits for re-rendering, never sleeps a fixed time. */
    private static ConditionFactory waitFor() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(WebDriverException.class);
    }

    private static String text(By by) {
        return browser.findElement(by).getText();
    }

    private static String viewField(String view, String field) {
        return text(By.cssSelector("[data-view='" + view + "'] [data-field='" + field + "']"));
    }

    private static long number(String shown) {
        return Long.parseLong(shown.replaceAll("\\D", ""));
    }

    private static int chartPoints(String view) {
        String points = browser.findElement(By.cssSelector("[data-view='" + view + "'] svg polyline")).getDomAttribute("points");
        return points == null || points.isBlank() ? 0 : points.trim().split("\\s+").length;
    }

    private static double progressBar(String view) {
        return Double.parseDouble(browser.findElement(By.cssSelector("[data-view='" + view + "'] progress")).getDomProperty("value"));
    }

    private static List<String> partitionCells(String view, String topic) {
        return browser.findElements(By.cssSelector("[data-view='" + view + "'] .partitions tbody tr")).stream()
            .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
            .filter(cells -> cells.getFirst().equals(topic))
            .flatMap(List::stream)
            .toList();
    }

    /** A script or style the policy blocked shows up in the browser's console. */
    private static void assertNoPolicyViolation() {
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
            .filter(message -> message.contains("Content Security Policy")).toList();
        assertThat(violations).isEmpty();
    }

    private Map<Integer, Long> restaurantLogEnd() {
        JsonNode[] lag = new JsonNode[1];
        waitFor().untilAsserted(() -> {
            Http.Response response = http().get("/lag/available-restaurants", Map.of(), TestKeys.operator());
            assertThat(response.status()).isEqualTo(200);
            lag[0] = response.json();
            assertThat(lag[0].get("partitions").valueStream().mapToLong(partition -> partition.get("logEndOffset").asLong()))
                .allMatch(offset -> offset >= RECORDS_PER_PARTITION);
        });
        return lag[0].get("partitions").valueStream().collect(Collectors.toMap(
            partition -> partition.get("partition").asInt(), partition -> partition.get("logEndOffset").asLong()));
    }

    /** The view builder's positions on the restaurant topic, {@code behind} records short of the log end. */
    private static void positions(Map<Integer, Long> logEnd, long behind) {
        Instant now = Instant.now();
        logEnd.forEach((partition, end) -> Views.position(RESTAURANTS, partition, end - behind, now.minusSeconds(10), now, null, null));
    }
}
