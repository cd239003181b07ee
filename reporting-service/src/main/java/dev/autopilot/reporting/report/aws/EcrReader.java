package dev.autopilot.reporting.report.aws;

import dev.autopilot.reporting.report.Section;
import dev.autopilot.support.aws.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;

/** The newest image's scan findings by severity: ECR DescribeImages (its scan findings summary). */
@ApplicationScoped
public class EcrReader {

    public static final String SOURCE = "ecr:DescribeImages";

    private final EcrClient ecr;

    @Inject
    public EcrReader(AwsClients aws) {
        this.ecr = aws.build(EcrClient.builder());
    }

    public Section scanFindings(String repository, int maxPages) {
        List<ImageDetail> images = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            DescribeImagesResponse response = ecr.describeImages(b -> b.repositoryName(repository).nextToken(next));
            images.addAll(response.imageDetails());
            token = response.nextToken();
        } while (token != null && ++pages < maxPages);
        ImageDetail newest = images.stream().filter(i -> i.imagePushedAt() != null)
                .max(Comparator.comparing(ImageDetail::imagePushedAt)).orElse(null);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("repository", repository);
        facts.put("images", images.size());
        if (newest == null) {
            return Section.of(SOURCE, "Image scan findings", List.of("no image in " + repository), facts);
        }
        String tag = newest.hasImageTags() && !newest.imageTags().isEmpty() ? newest.imageTags().get(0)
                : newest.imageDigest();
        facts.put("image", tag);
        facts.put("pushedAt", String.valueOf(newest.imagePushedAt()));
        if (newest.imageScanFindingsSummary() == null) {
            facts.put("scanned", false);
            return Section.of(SOURCE, "Image scan findings", List.of("the newest image, " + tag
                    + ", has no scan findings: it was not scanned"), facts);
        }
        Map<String, Integer> bySeverity = new TreeMap<>(newest.imageScanFindingsSummary()
                .findingSeverityCountsAsStrings());
        int total = bySeverity.values().stream().mapToInt(Integer::intValue).sum();
        facts.put("scanned", true);
        facts.put("findings", bySeverity);
        List<List<String>> rows = new ArrayList<>();
        bySeverity.forEach((severity, count) -> rows.add(List.of(severity, String.valueOf(count))));
        return Section.of(SOURCE, "Image scan findings", List.of(total + " finding(s) in the newest image, " + tag
                + (bySeverity.containsKey("CRITICAL") ? ", " + bySeverity.get("CRITICAL") + " critical" : "")), facts)
                .withTable(List.of("severity", "findings"), rows);
    }
}
