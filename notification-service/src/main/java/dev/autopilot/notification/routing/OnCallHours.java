package dev.autopilot.notification.routing;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a contact can be reached, as the runbook states it: {@code 24/7}, or days and a time window in a time zone,
 * e.g. {@code MON-FRI 09:00-18:00 Asia/Seoul} (days as a range or a list: {@code MON,WED,FRI}). Read and checked
 * at start-up; the window's start is in, its end is out, both in the zone's wall-clock time (so daylight saving
 * moves the window with the clocks).
 *
 * @param days the days of the window (every day for 24/7)
 * @param from the start of the window (inclusive); null for 24/7
 * @param to   the end of the window (exclusive); null for 24/7
 * @param zone the time zone of the window; null for 24/7
 */
public record OnCallHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {

    public static final OnCallHours ALWAYS = new OnCallHours(EnumSet.allOf(DayOfWeek.class), null, null, null);

    private static final List<DayOfWeek> WEEK = List.of(DayOfWeek.values());

    public OnCallHours {
        days = Set.copyOf(days);
    }

    /** Whether the contact is reachable around the clock. */
    public boolean isAlways() {
        return from == null;
    }

    /** Whether the contact can be reached at the instant: 09:00:00 local time is in, 18:00:00 is out. */
    public boolean covers(Instant instant) {
        if (isAlways()) {
            return true;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }

    /**
     * Reads {@code 24/7} or {@code <days> <HH:mm>-<HH:mm> <zone>}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static OnCallHours parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equals("24/7")) {
            return ALWAYS;
        }
        String[] parts = trimmed.split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("hours must be 24/7 or like 'MON-FRI 09:00-18:00 Asia/Seoul', not '"
                    + trimmed + "'");
        }
        Set<DayOfWeek> days = days(parts[0]);
        String[] window = parts[1].split("-");
        if (window.length != 2) {
            throw new IllegalArgumentException("hours window must be like 09:00-18:00, not '" + parts[1] + "'");
        }
        LocalTime from = time(window[0]);
        LocalTime to = time(window[1]);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("hours window must end after it starts: '" + parts[1] + "'");
        }
        try {
            return new OnCallHours(days, from, to, ZoneId.of(parts[2]));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + parts[2] + "'", e);
        }
    }

    @Override
    public String toString() {
        if (isAlways()) {
            return "24/7";
        }
        String dayList = WEEK.stream().filter(days::contains)
                .map(d -> d.name().substring(0, 3))
                .collect(Collectors.joining(","));
        return dayList + " " + from + "-" + to + " " + zone.getId();
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",")) {
            String[] range = item.split("-");
            if (range.length == 1) {
                days.add(day(range[0]));
            } else if (range.length == 2) {
                int day = day(range[0]).ordinal();
                int last = day(range[1]).ordinal();
                days.add(WEEK.get(day));
                while (day != last) {
                    day = (day + 1) % WEEK.size();
                    days.add(WEEK.get(day));
                }
            } else {
                throw new IllegalArgumentException("days must be like MON-FRI or MON,WED,FRI, not '" + text + "'");
            }
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        String abbreviation = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : WEEK) {
            if (abbreviation.length() >= 3 && day.name().startsWith(abbreviation)) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day '" + text + "' (use MON, TUE, WED, THU, FRI, SAT, SUN)");
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time must be HH:mm, not '" + text + "'", e);
        }
    }
}
