package dev.autopilot.reporting.report.aws;

import dev.autopilot.reporting.report.Section;
import dev.autopilot.support.aws.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Storage of the projects bucket: S3 ListObjectsV2 (what {@code aws s3 ls --recursive --summarize} reads). */
@ApplicationScoped
public class S3Reader {

    public static final String SOURCE = "s3:ListObjectsV2";

    private final S3Client s3;

    @Inject
    public S3Reader(AwsClients aws) {
        this.s3 = aws.build(S3Client.builder().forcePathStyle(aws.pathStyle()));
    }

    /** Objects and bytes stored in the bucket. */
    public Section usage(String bucket, int maxPages) {
        Tally tally = list(bucket, o -> true, maxPages);
        return Section.of(SOURCE, "Storage used", List.of(tally.objects + " object(s), " + size(tally.bytes)
                + " in " + bucket + tally.truncatedNote(maxPages)), tally.facts(bucket));
    }

    /** Objects last modified before {@code cutoff}: cleanup candidates. */
    public Section olderThan(String bucket, Instant cutoff, int maxPages) {
        Tally tally = list(bucket, o -> o.lastModified() != null && o.lastModified().isBefore(cutoff), maxPages);
        Map<String, Object> facts = tally.facts(bucket);
        facts.put("modifiedBefore", cutoff.toString());
        return Section.of(SOURCE, "Cleanup candidates", List.of(tally.objects + " object(s), " + size(tally.bytes)
                + ", last modified before " + cutoff + tally.truncatedNote(maxPages)), facts);
    }

    private Tally list(String bucket, Predicate<S3Object> counted, int maxPages) {
        Tally tally = new Tally();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListObjectsV2Response response = s3.listObjectsV2(b -> b.bucket(bucket).continuationToken(next));
            for (S3Object object : response.contents()) {
                if (counted.test(object)) {
                    tally.objects++;
                    tally.bytes += object.size() == null ? 0 : object.size();
                }
            }
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null && ++pages < maxPages);
        tally.truncated = token != null;
        return tally;
    }

    /** Bytes as people read them: {@code 1.5 GiB}. */
    public static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static final class Tally {
        long objects;
        long bytes;
        boolean truncated;

        Map<String, Object> facts(String bucket) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("bucket", bucket);
            facts.put("objects", objects);
            facts.put("bytes", bytes);
            facts.put("truncated", truncated);
            return facts;
        }

        String truncatedNote(int maxPages) {
            return truncated ? " (more than " + maxPages + " pages: counted the first)" : "";
        }
    }
}
