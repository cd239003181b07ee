package dev.autopilot.reporting.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A report as stored: its document (JSON), and its Markdown and HTML renderings. */
@Entity
@Table(name = "report")
public class Report {

    @Id
    private UUID id;

    private String kind;

    private String trigger;

    private String title;

    private Instant periodStart;

    private Instant periodEnd;

    private String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> gaps;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private ReportDocument content;

    private String markdown;

    private String html;

    private Instant createdAt;

    protected Report() {
    }

    public static Report of(ReportDocument document, String markdown, String html) {
        Report report = new Report();
        report.id = UUID.fromString(document.id());
        report.kind = document.kind();
        report.trigger = document.trigger();
        report.title = document.title();
        report.periodStart = document.periodStart();
        report.periodEnd = document.periodEnd();
        report.summary = String.join("\n", document.summary());
        report.gaps = document.gaps();
        report.content = document;
        report.markdown = markdown;
        report.html = html;
        report.createdAt = document.generatedAt();
        return report;
    }

    public String id() {
        return id.toString();
    }

    public String kind() {
        return kind;
    }

    public String trigger() {
        return trigger;
    }

    public String title() {
        return title;
    }

    public Instant periodStart() {
        return periodStart;
    }

    public Instant periodEnd() {
        return periodEnd;
    }

    public String summary() {
        return summary;
    }

    public List<String> gaps() {
        return gaps == null ? List.of() : gaps;
    }

    public ReportDocument content() {
        return content;
    }

    public String markdown() {
        return markdown;
    }

    public String html() {
        return html;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
