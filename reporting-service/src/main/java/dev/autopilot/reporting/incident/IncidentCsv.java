package dev.autopilot.reporting.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The incident list as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break). A text that a spreadsheet would take for a formula ({@code = + - @}) is prefixed with
 * {@code '}, so an alarm's title cannot run in someone's spreadsheet.
 */
public final class IncidentCsv {

    private record Column(String name, Function<IncidentView, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", IncidentView::id),
            new Column("title", IncidentView::title),
            new Column("severity", IncidentView::severity),
            new Column("openedSeverity", IncidentView::openedSeverity),
            new Column("type", IncidentView::type),
            new Column("service", IncidentView::service),
            new Column("status", IncidentView::status),
            new Column("openedAt", IncidentView::openedAt),
            new Column("acknowledgedAt", IncidentView::acknowledgedAt),
            new Column("acknowledgedBy", IncidentView::acknowledgedBy),
            new Column("resolvedAt", IncidentView::resolvedAt),
            new Column("resolvedBy", IncidentView::resolvedBy),
            new Column("timeToAcknowledgeSeconds", IncidentView::timeToAcknowledgeSeconds),
            new Column("timeToResolveSeconds", IncidentView::timeToResolveSeconds),
            new Column("resolvedByAutomation", IncidentView::resolvedByAutomation),
            new Column("remediationStatus", i -> i.remediation() == null ? null : i.remediation().status()),
            new Column("remediationPlaybook", i -> i.remediation() == null ? null : i.remediation().playbook()),
            new Column("remediationMode", i -> i.remediation() == null ? null : i.remediation().mode()),
            new Column("stepsSucceeded", i -> i.actions().stepsSucceeded()),
            new Column("stepsFailed", i -> i.actions().stepsFailed()),
            new Column("rollbacks", i -> i.actions().rollbacks()),
            new Column("pagesSent", i -> i.notifications().sent()),
            new Column("pagesFailed", i -> i.notifications().failed()),
            new Column("paged", i -> String.join("; ", i.notifications().paged())),
            new Column("escalations", IncidentView::escalations),
            new Column("reopenings", IncidentView::reopenings));

    private IncidentCsv() {
    }

    /** The header line and one line per incident. */
    public static String of(List<IncidentView> incidents) {
        StringBuilder csv = new StringBuilder();
        line(csv, COLUMNS.stream().map(Column::name).toList());
        for (IncidentView incident : incidents) {
            List<String> fields = new ArrayList<>(COLUMNS.size());
            for (Column column : COLUMNS) {
                fields.add(Objects.toString(column.value().apply(incident), ""));
            }
            line(csv, fields);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d.*")
                ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
