package dev.autopilot.remediation.playbook;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The emergency bucket policy of a suspected data leak: deny every S3 action on the bucket and its objects to every
 * principal but the break-glass ones (by {@code aws:PrincipalArn}, as AWS recommends over {@code NotPrincipal}).
 */
public final class EmergencyDenyPolicy {

    private EmergencyDenyPolicy() {
    }

    /** The policy document, as the JSON text PutBucketPolicy sends. */
    public static String forBucket(String bucket, List<String> breakGlassPrincipals) {
        String principals = breakGlassPrincipals.stream().map(p -> "\"" + escape(p) + "\"")
                .collect(Collectors.joining(","));
        String arn = "arn:aws:s3:::" + escape(bucket);
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"RunbookAutopilotEmergencyDenyAll\","
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":[\"" + arn + "\",\"" + arn + "/*\"]"
                + (breakGlassPrincipals.isEmpty() ? ""
                        : ",\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":[" + principals + "]}}")
                + "}]}";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
