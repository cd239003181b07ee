package dev.autopilot.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A report from its sections: a failing source is a marked gap, never a missing report. */
class ReportAssemblerTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ReportKind.Period NOVEMBER_25 = new ReportKind.Period(
            Instant.parse("2026-11-24T15:00:00Z"), Instant.parse("2026-11-25T15:00:00Z"));

    @Test
    void aFailingSourceLeavesAMarkedGap() {
        Section ecs = ReportAssembler.read("ecs:DescribeServices", "ECS service",
                () -> Section.of("ecs:DescribeServices", "ECS service", List.of("web is ACTIVE, 2 of 2 tasks running"),
                        Map.of("runningCount", 2)));
        Section s3 = ReportAssembler.read("s3:ListObjectsV2", "Storage used", () -> {
            throw new IllegalStateException("NoSuchBucket: The specified bucket\ndoes not exist");
        });
        Section alarms = Section.of("cloudwatch:DescribeAlarms", "Alarms in ALARM", List.of("none in ALARM"), Map.of())
                .withTable(List.of("alarm", "reason"), List.of(List.of("t-developer-5xx", "Threshold | Crossed")));

        ReportDocument report = ReportAssembler.assemble("r1", ReportKind.DAILY, "schedule", NOVEMBER_25, SEOUL,
                Instant.parse("2026-11-26T00:00:03Z"), List.of(ecs, s3, alarms));

        assertThat(report.title()).isEqualTo("Daily health check, 2026-11-25");
        assertThat(report.gaps()).containsExactly("s3:ListObjectsV2: NoSuchBucket: The specified bucket does not exist");
        assertThat(report.summary()).containsExactly("ECS service: web is ACTIVE, 2 of 2 tasks running",
                "Alarms in ALARM: none in ALARM", "Gaps (1): s3:ListObjectsV2");
        assertThat(report.sections()).hasSize(3);

        String markdown = ReportMarkdown.render(report);
        assertThat(markdown).startsWith("# Daily health check, 2026-11-25\n")
                .contains("## Storage used\n\n> **Gap**: `s3:ListObjectsV2` could not be read: NoSuchBucket: "
                        + "The specified bucket does not exist\n")
                .contains("| alarm | reason |\n|---|---|\n| t-developer-5xx | Threshold \\| Crossed |\n")
                .contains("- ECS service: web is ACTIVE, 2 of 2 tasks running\n");
    }

    @Test
    void aPeriodOfSeveralDaysIsTitledWithItsFirstAndLastDay() {
        ReportKind.Period week = new ReportKind.Period(Instant.parse("2026-11-22T15:00:00Z"),
                Instant.parse("2026-11-29T15:00:00Z"));

        ReportDocument report = ReportAssembler.assemble("r2", ReportKind.WEEKLY, "manual", week, SEOUL,
                Instant.parse("2026-11-30T00:00:00Z"), List.of());

        assertThat(report.title()).isEqualTo("Weekly report, 2026-11-23 to 2026-11-29");
        assertThat(report.gaps()).isEmpty();
        assertThat(ReportMarkdown.render(report)).doesNotContain("Gap");
    }

    @Test
    void aLongFailureMessageIsShortened() {
        Section gap = ReportAssembler.read("logs:FilterLogEvents", "Errors", () -> {
            throw new IllegalStateException("x".repeat(1000));
        });

        assertThat(gap.gap()).hasSize(ReportAssembler.MAX_REASON).endsWith("…");
    }
}
