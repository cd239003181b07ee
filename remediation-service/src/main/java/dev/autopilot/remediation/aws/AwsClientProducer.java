package dev.autopilot.remediation.aws;

import dev.autopilot.support.aws.AwsClients;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The AWS clients the actions use, each built the one way every service builds them ({@link AwsClients}, which
 * also closes them at shutdown).
 */
public class AwsClientProducer {

    @Produces
    @Singleton
    EcsClient ecs(AwsClients aws) {
        return aws.build(EcsClient.builder());
    }

    @Produces
    @Singleton
    ElasticLoadBalancingV2Client elbv2(AwsClients aws) {
        return aws.build(ElasticLoadBalancingV2Client.builder());
    }

    @Produces
    @Singleton
    SnsClient sns(AwsClients aws) {
        return aws.build(SnsClient.builder());
    }

    @Produces
    @Singleton
    S3Client s3(AwsClients aws) {
        return aws.build(S3Client.builder().forcePathStyle(aws.pathStyle()));
    }

    @Produces
    @Singleton
    SecretsManagerClient secretsManager(AwsClients aws) {
        return aws.build(SecretsManagerClient.builder());
    }

    @Produces
    @Singleton
    DynamoDbClient dynamoDb(AwsClients aws) {
        return aws.build(DynamoDbClient.builder());
    }

    @Produces
    @Singleton
    CloudWatchClient cloudWatch(AwsClients aws) {
        return aws.build(CloudWatchClient.builder());
    }

    @Produces
    @Singleton
    CloudWatchLogsClient logs(AwsClients aws) {
        return aws.build(CloudWatchLogsClient.builder());
    }
}
