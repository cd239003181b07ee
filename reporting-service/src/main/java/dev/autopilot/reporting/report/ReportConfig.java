package dev.autopilot.reporting.report;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The scheduled reports ({@code reporting.reports.*}): what they read from AWS, by the runbook's names. When each
 * kind runs is a row of {@code report_schedule} (daily 09:00, weekly Mondays 09:00, monthly the first Monday
 * 09:00, Asia/Seoul), not configuration.
 */
public interface ReportConfig {

    /** The ECS cluster of the managed service. */
    @WithDefault("t-developer-cluster-production")
    String cluster();

    /** The ECS service whose status the daily report shows. */
    @WithDefault("t-developer-service-production")
    String service();

    /** What the names of the service's alarms and log groups contain. */
    @WithDefault("t-developer")
    String namePattern();

    /** The log group whose ERROR messages the daily report counts. */
    @WithDefault("/ecs/t-developer-production")
    String logGroup();

    /** The CloudWatch Logs filter pattern of error messages. */
    @WithDefault("ERROR")
    String errorPattern();

    /** The bucket of generated projects. */
    @WithDefault("t-developer-projects-production")
    String projectsBucket();

    /** The metadata table (items with {@code created_at} and {@code user_id}). */
    @WithDefault("t-developer-metadata-production")
    String metadataTable();

    /** The namespace of the pipeline's metrics ({@code PipelineExecutionTime}, {@code GenerationSuccess}). */
    @WithDefault("T-Developer/Pipeline")
    String metricsNamespace();

    /** The ECR repository whose newest image's scan findings the monthly report shows. */
    @WithDefault("t-developer-backend-production")
    String ecrRepository();

    /** The retention every log group of the service should have, in days. */
    @WithDefault("30")
    int logRetentionDays();

    /** Objects older than this are cleanup candidates. */
    @WithDefault("7d")
    Duration cleanupAge();

    /** The most pages one AWS listing reads; a longer listing is reported as truncated. */
    @WithDefault("100")
    int maxPages();

    /** How often the scheduler looks for a due report when nothing woke it (a fallback: it wakes for the next due). */
    @WithDefault("1m")
    Duration fallbackInterval();

    /** The longest a report may take to assemble (its AWS reads included). */
    @WithDefault("5m")
    Duration runTimeout();
}
