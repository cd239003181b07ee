package dev.autopilot.remediation.action;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Says whether an AWS call's failure may pass on another attempt: throttling, a 5xx, a timeout or a connection
 * that failed may; any other 4xx (validation, not found, access denied) will not. The reason names the error code
 * and AWS's message, never a request's content.
 */
public final class AwsFailures {

    private AwsFailures() {
    }

    public static ActionResult of(SdkException failure) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? service.getMessage()
                    : service.awsErrorDetails().errorMessage();
            String reason = (code == null ? "" : code + " ") + "(HTTP " + service.statusCode() + ")"
                    + (message == null || message.isBlank() ? "" : ": " + message);
            boolean retryable = service.isThrottlingException() || service.statusCode() >= 500
                    || service.statusCode() == 429;
            return ActionResult.failed(reason, retryable);
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            return ActionResult.failed("timed out: " + failure.getMessage(), true);
        }
        if (failure instanceof SdkClientException) {
            // the request may not have reached AWS, or its answer did not reach us: either can pass next time
            return ActionResult.failed("no answer from AWS: " + failure.getMessage(), true);
        }
        return ActionResult.failed(failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure.retryable());
    }
}
