package dev.autopilot.detector.managed;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Recognises the pipeline's agents in the names AWS reports (containers, task groups, metric dimensions). */
public final class Agents {

    private final List<String> names;

    public Agents(List<String> names) {
        this.names = names.stream().map(Agents::normalise).toList();
    }

    public List<String> names() {
        return names;
    }

    /** The agent a name is about: the longest agent name it contains, once normalised. */
    public Optional<String> recognise(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normalised = normalise(text);
        return names.stream().filter(normalised::contains).max((a, b) -> Integer.compare(a.length(), b.length()));
    }

    static String normalise(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
