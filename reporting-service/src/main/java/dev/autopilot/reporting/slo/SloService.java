package dev.autopilot.reporting.slo;

import dev.autopilot.reporting.ReportingConfig;
import dev.autopilot.reporting.signal.SignalSampleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Where each objective stands now, or at any instant, from the check samples kept. */
@ApplicationScoped
public class SloService {

    private final List<ServiceLevelObjective> objectives;
    private final List<Duration> windows;
    private final List<BurnAlert> alerts;
    private final SignalSampleRepository samples;

    @Inject
    public SloService(ReportingConfig reporting, SignalSampleRepository samples) {
        SloConfig config = reporting.slo();
        this.objectives = new ArrayList<>();
        config.objectives().forEach((name, o) -> objectives.add(new ServiceLevelObjective(name, o.indicator(),
                o.measure(), o.target(), o.threshold().orElse(null))));
        objectives.sort(Comparator.comparing(ServiceLevelObjective::name));
        this.windows = config.windows().stream().sorted().toList();
        if (windows.isEmpty()) {
            throw new IllegalStateException("reporting.slo.windows: at least one window");
        }
        this.alerts = List.of(
                new BurnAlert("page", config.pageWindow(), config.pageBudgetPercent() / 100),
                new BurnAlert("ticket", config.ticketWindow(), config.ticketBudgetPercent() / 100));
        this.samples = samples;
    }

    /** Every objective, as it stands at {@code at}. */
    @Transactional
    public List<SloView> standing(Instant at) {
        return objectives.stream().map(o -> view(o, at)).toList();
    }

    /** One objective, as it stands at {@code at}. */
    @Transactional
    public Optional<SloView> standing(String name, Instant at) {
        return objectives.stream().filter(o -> o.name().equals(name)).findFirst().map(o -> view(o, at));
    }

    /**
     * The share of each objective's budget (over the longest window, ending at {@code to}) that the samples within
     * {@code [from, to)} spent, in percent; null for an objective without samples.
     */
    @Transactional
    public Map<String, Double> budgetSpent(Instant from, Instant to) {
        Duration longest = longestWindow();
        Map<String, Double> spent = new LinkedHashMap<>();
        for (ServiceLevelObjective objective : objectives) {
            List<CheckSample> read = samples.checkSamples(objective.indicator(), to.minus(longest), to);
            spent.put(objective.name(), objective.budgetSpent(read, from, to, longest, to));
        }
        return spent;
    }

    /** The longest window the objectives are reported over. */
    public Duration longestWindow() {
        return windows.get(windows.size() - 1);
    }

    private SloView view(ServiceLevelObjective objective, Instant at) {
        List<CheckSample> read = samples.checkSamples(objective.indicator(), at.minus(longestWindow()), at);
        Map<BurnAlert, Double[]> burns = new LinkedHashMap<>();
        Map<Duration, SloView.BurnRate> rates = new TreeMap<>();
        for (BurnAlert alert : alerts) {
            Double[] pair = {objective.burnRate(read, alert.window(), at),
                    objective.burnRate(read, alert.shortWindow(), at)};
            burns.put(alert, pair);
            rates.put(alert.window(), new SloView.BurnRate(SloView.name(alert.window()),
                    count(read, alert.window(), at), pair[0]));
            rates.put(alert.shortWindow(), new SloView.BurnRate(SloView.name(alert.shortWindow()),
                    count(read, alert.shortWindow(), at), pair[1]));
        }
        List<SloView.Window> standings = new ArrayList<>();
        for (Duration window : windows) {
            ServiceLevelObjective.Standing standing = objective.standing(read, window, at);
            List<SloView.Alert> alertViews = new ArrayList<>();
            burns.forEach((alert, pair) -> alertViews.add(new SloView.Alert(alert.name(),
                    SloView.name(alert.window()), SloView.name(alert.shortWindow()), alert.threshold(window),
                    alert.firing(pair[0], pair[1], window))));
            standings.add(new SloView.Window(SloView.name(window), standing.from(), standing.to(), standing.samples(),
                    standing.attainment(), standing.budgetRemaining(), standing.met(), alertViews,
                    objective.burndown(read, window, at, (int) Math.max(1, window.toDays()))));
        }
        return new SloView(objective.name(), objective.indicator(), objective.measure(), objective.target(),
                objective.threshold(), standings, List.copyOf(rates.values()));
    }

    private static long count(List<CheckSample> read, Duration window, Instant at) {
        Instant from = at.minus(window);
        return read.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(at)).count();
    }
}
