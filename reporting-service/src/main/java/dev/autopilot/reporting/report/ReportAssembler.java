package dev.autopilot.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Puts a report together from its sections: the title, the summary (the first line of each section that found
 * something, and the gaps), and the list of gaps. A source that fails becomes a marked gap, never a missing report.
 */
public final class ReportAssembler {

    static final int MAX_REASON = 240;

    private ReportAssembler() {
    }

    /** Reads one source; a failure of any kind becomes a gap in its place, with the failure's message. */
    public static Section read(String source, String title, Supplier<Section> reader) {
        try {
            return reader.get();
        } catch (RuntimeException e) {
            return Section.gap(source, title, reason(e));
        }
    }

    /** The report of a run. */
    public static ReportDocument assemble(String id, ReportKind kind, String trigger, ReportKind.Period period,
            ZoneId zone, Instant generatedAt, List<Section> sections) {
        LocalDate first = LocalDate.ofInstant(period.start(), zone);
        LocalDate last = LocalDate.ofInstant(period.end(), zone).minusDays(1);
        String title = kind.title() + ", " + (first.equals(last) ? first.toString() : first + " to " + last);
        List<String> summary = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Section section : sections) {
            if (section.failed()) {
                gaps.add(section.source() + ": " + section.gap());
                failed.add(section.source());
            } else if (!section.lines().isEmpty()) {
                summary.add(section.title() + ": " + section.lines().get(0));
            }
        }
        if (!gaps.isEmpty()) {
            summary.add("Gaps (" + gaps.size() + "): " + String.join(", ", failed));
        }
        return new ReportDocument(id, kind.id(), trigger, title, period.start(), period.end(), zone.getId(),
                generatedAt, summary, gaps, sections);
    }

    /** A failure's message for people: the AWS error code and message when there is one, on one line, short. */
    static String reason(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            text = aws.awsErrorDetails().errorCode() + ": " + text;
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON - 1) + "…";
    }
}
