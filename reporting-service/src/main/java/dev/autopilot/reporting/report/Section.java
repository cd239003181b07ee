package dev.autopilot.reporting.report;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;

/**
 * One part of a report: what one source said, as lines and a table for people and as facts for programs; or, when
 * the source failed, a marked gap saying why.
 *
 * @param source  what it was read from, e.g. {@code ecs:DescribeServices}, {@code incidents}
 * @param title   its heading
 * @param gap     why the source could not be read; null when it was
 * @param lines   sentences of findings
 * @param columns the table's headings; empty for no table
 * @param rows    the table's rows
 * @param facts   the findings as data
 */
@TemplateData
public record Section(String source, String title, String gap, List<String> lines, List<String> columns,
        List<List<String>> rows, Map<String, Object> facts) {

    public Section {
        lines = lines == null ? List.of() : List.copyOf(lines);
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
        facts = facts == null ? Map.of() : facts;
    }

    /** A section that says things in sentences. */
    public static Section of(String source, String title, List<String> lines, Map<String, Object> facts) {
        return new Section(source, title, null, lines, List.of(), List.of(), facts);
    }

    /** A gap: the source failed, and the report says so where its findings would be. */
    public static Section gap(String source, String title, String reason) {
        return new Section(source, title, reason == null || reason.isBlank() ? "unavailable" : reason, List.of(),
                List.of(), List.of(), Map.of());
    }

    /** The same section with a table. */
    public Section withTable(List<String> columns, List<List<String>> rows) {
        return new Section(source, title, gap, lines, columns, rows, facts);
    }

    public boolean failed() {
        return gap != null;
    }

    public boolean hasTable() {
        return !columns.isEmpty();
    }
}
