package dev.autopilot.remediation.playbook;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the playbook selector from configuration once. */
public class PlaybookProducer {

    @Produces
    @Singleton
    PlaybookSelector selector(RemediationConfig config) {
        RemediationConfig.ManagedServiceConfig service = config.managedService();
        RemediationConfig.PlaybooksConfig playbooks = config.playbooks();
        return PlaybookSelector.forRunbook(
                new ManagedService(service.cluster(), service.service(), service.taskDefinitionFamily(),
                        service.targetGroupArn(), service.alertsTopicArn(), service.metadataTable(),
                        service.logGroup(), service.cacheClearUrl(), service.agents(), service.agentService()),
                new PlaybookSettings(playbooks.evidenceWindow(), playbooks.metricPeriod(),
                        playbooks.rollbackRequiresApproval(), playbooks.scaleOutBy(), playbooks.surgeDesiredCount()));
    }
}
