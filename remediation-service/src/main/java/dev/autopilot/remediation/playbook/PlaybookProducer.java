package dev.autopilot.remediation.playbook;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the playbooks from configuration once; a configuration they cannot use stops the start. */
public class PlaybookProducer {

    @Produces
    @Singleton
    PlaybookSelector selector(RemediationConfig config) {
        RemediationConfig.ManagedServiceConfig service = config.managedService();
        ManagedService target = new ManagedService(service.cluster(), service.service(), service.targetGroupArn(),
                service.loadBalancer(), service.alertsTopicArn(), service.metadataTable(), service.logGroup(),
                service.cacheClearUrl(), service.invalidateSessionsUrl(), service.apiKeySecret(), service.bucket(),
                service.breakGlassPrincipals(), service.agents(), service.agentService());
        return PlaybookSelector.forRunbook(target, settings(config), config.playbooks().types(),
                ApprovalRules.of(config.approvals().requiredFor().orElse(List.of())));
    }

    @Produces
    @Singleton
    StepConditions conditions(RemediationConfig config) {
        return new StepConditions(new RollbackDecision(config.playbooks().rollbackWindow()),
                new TrafficSurge(config.playbooks().surgeFactor()));
    }

    static PlaybookSettings settings(RemediationConfig config) {
        RemediationConfig.PlaybooksConfig playbooks = config.playbooks();
        RemediationConfig.ScalingConfig scaling = playbooks.scaling();
        Map<String, AgentRestart.Setting> restarts = new LinkedHashMap<>();
        config.agents().forEach((agent, setting) -> {
            if (!config.managedService().agents().contains(agent)) {
                throw new IllegalArgumentException("remediation.agents." + agent + ": not one of the agents "
                        + config.managedService().agents());
            }
            if (setting.restart() == AgentRestart.ADMIN_HTTP && setting.url().isEmpty()) {
                throw new IllegalArgumentException("remediation.agents." + agent + ".url is needed for admin-http");
            }
            restarts.put(agent, new AgentRestart.Setting(setting.restart(), setting.url().orElse(null)));
        });
        return new PlaybookSettings(playbooks.evidenceWindow(), playbooks.metricPeriod(), playbooks.scaleOutBy(),
                playbooks.surgeDesiredCount(), playbooks.stabilityTimeout(), playbooks.verificationDeadline(),
                playbooks.undoOnFailedVerification(),
                new PlaybookSettings.Scaling(scaling.outStep(), scaling.inStep(), scaling.outCooldown(),
                        scaling.inCooldown()),
                restarts);
    }
}
